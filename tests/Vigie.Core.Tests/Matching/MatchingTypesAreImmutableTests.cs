using System.Reflection;
using System.Runtime.CompilerServices;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

/// <summary>
/// Every public type in Vigie.Core.Matching is immutable: an enum, a static class without mutable static state,
/// a readonly struct or a sealed record, with readonly fields, no setter but init, and no mutable collection
/// exposed. Models are shared between threads and scans; a mutable one would be a bug waiting.
/// </summary>
public sealed class MatchingTypesAreImmutableTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static TheoryData<string> MatchingTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(MatchModel).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == "Vigie.Core.Matching")
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void MatchingNamespace_HasPublicTypesToCheck() => Assert.True(MatchingTypes().Count >= 20);

    [Theory]
    [MemberData(nameof(MatchingTypes))]
    public void PublicMatchingType_IsImmutable(string typeName)
    {
        var type = typeof(MatchModel).Assembly.GetType(typeName, throwOnError: true)!;
        Assert.Empty(Violations(type));
    }

    [Theory]
    [InlineData(typeof(MutableClass))]
    [InlineData(typeof(MutableStruct))]
    [InlineData(typeof(RecordWithSetter))]
    [InlineData(typeof(StaticWithState))]
    [InlineData(typeof(RecordWithArray))]
    public void ImmutabilityCheck_RejectsMutableShapes(Type type) => Assert.NotEmpty(Violations(type));

    private static List<string> Violations(Type type)
    {
        var violations = new List<string>();
        if (type.IsEnum)
        {
            return violations;
        }

        if (type.IsAbstract && type.IsSealed)
        {
            violations.AddRange(type.GetFields(Declared).Where(f => !f.IsLiteral && !f.IsInitOnly).Select(f => $"static field {f.Name} is mutable"));
            return violations;
        }

        if (type.IsValueType && !type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false))
        {
            violations.Add("a struct must be a readonly struct");
        }
        else if (!type.IsValueType && (type.GetMethod("<Clone>$") is null || !type.IsSealed))
        {
            violations.Add("a class must be a sealed record (or a static class)");
        }

        violations.AddRange(type.GetFields(Declared).Where(f => !f.IsLiteral && !f.IsInitOnly).Select(f => $"field {f.Name} is not readonly"));
        violations.AddRange(type.GetProperties(Declared)
            .Where(p => p.SetMethod is { } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"property {p.Name} has a setter other than init"));
        violations.AddRange(type.GetProperties(Declared)
            .Where(p => p.GetMethod is { IsPublic: true } && (p.PropertyType.IsArray || IsMutableCollection(p.PropertyType)))
            .Select(p => $"property {p.Name} exposes a mutable collection"));
        return violations;
    }

    private static bool IsMutableCollection(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));

    private sealed class MutableClass
    {
        public string Name { get; set; } = "";
    }

    private struct MutableStruct
    {
        public int Count { get; set; }
    }

    private sealed record RecordWithSetter(string Name)
    {
        public string Name { get; set; } = Name;
    }

    private sealed record RecordWithArray(int[] Values);

    private static class StaticWithState
    {
        public static int Counter { get; set; }
    }
}
