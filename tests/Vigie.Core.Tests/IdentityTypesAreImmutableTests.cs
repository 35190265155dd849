using System.Reflection;
using System.Runtime.CompilerServices;
using Vigie.Core.Identity;

namespace Vigie.Core.Tests;

/// <summary>
/// Every public type in Vigie.Core.Identity is immutable: an enum, a static class without mutable static state,
/// a readonly struct, or a sealed record; with every field readonly and no setter other than init.
/// A new type that breaks the rule fails here rather than in a review.
/// </summary>
public sealed class IdentityTypesAreImmutableTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static TheoryData<string> IdentityTypes() => TypesIn("Vigie.Core.Identity");

    private static TheoryData<string> TypesIn(string ns)
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(NameNormalizer).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == ns)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    /// <summary>The access policy types (principal, decisions, options) obey the same rule.</summary>
    public static TheoryData<string> AccessTypes() => TypesIn("Vigie.Core.Access");

    [Theory]
    [MemberData(nameof(AccessTypes))]
    public void PublicAccessType_IsImmutable(string typeName) => PublicIdentityType_IsImmutable(typeName);

    [Fact]
    public void AccessNamespace_HasPublicTypesToCheck() => Assert.True(AccessTypes().Count >= 15);

    [Fact]
    public void IdentityNamespace_HasPublicTypesToCheck() => Assert.True(IdentityTypes().Count >= 10);

    [Theory]
    [MemberData(nameof(IdentityTypes))]
    public void PublicIdentityType_IsImmutable(string typeName)
    {
        var type = typeof(NameNormalizer).Assembly.GetType(typeName, throwOnError: true)!;
        Assert.Empty(Violations(type));
    }

    // The check itself must bite: a class with a setter, a mutable struct and a record with a settable property fail it.
    [Theory]
    [InlineData(typeof(MutableClass))]
    [InlineData(typeof(MutableStruct))]
    [InlineData(typeof(RecordWithSetter))]
    [InlineData(typeof(OpenRecord))]
    [InlineData(typeof(StaticWithState))]
    public void ImmutabilityCheck_RejectsMutableShapes(Type type) => Assert.NotEmpty(Violations(type));

    private static List<string> Violations(Type type)
    {
        var violations = new List<string>();
        if (type.IsEnum)
        {
            return violations;
        }

        var isStatic = type.IsAbstract && type.IsSealed;
        if (isStatic)
        {
            violations.AddRange(type.GetFields(Declared)
                .Where(f => !f.IsLiteral && !f.IsInitOnly)
                .Select(f => $"static field {f.Name} is mutable"));
            return violations;
        }

        if (type.IsValueType)
        {
            if (!type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false))
            {
                violations.Add("a struct must be a readonly struct");
            }
        }
        else if (type.GetMethod("<Clone>$") is null)
        {
            violations.Add("a class must be a record (or a static class)");
        }
        else if (!type.IsSealed)
        {
            violations.Add("a record must be sealed, or a subclass could add mutable state");
        }

        violations.AddRange(type.GetFields(Declared)
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"field {f.Name} is not readonly"));

        violations.AddRange(type.GetProperties(Declared)
            .Where(p => p.SetMethod is { } setter
                        && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
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

    private record OpenRecord(string Name);

    private static class StaticWithState
    {
        public static int Counter { get; set; }
    }
}
