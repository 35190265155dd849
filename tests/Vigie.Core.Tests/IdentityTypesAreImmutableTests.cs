using Vigie.Core.Identity;

namespace Vigie.Core.Tests;

/// <summary>
/// Every public type in Vigie.Core.Identity is immutable: an enum, a static class without mutable static state,
/// a readonly struct, or a sealed record; with every field readonly and no setter other than init.
/// A new type that breaks the rule fails here rather than in a review.
/// </summary>
public sealed class IdentityTypesAreImmutableTests
{
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
        Assert.Empty(Immutability.Violations(type));
    }

    // The check itself must bite: a class with a setter, a mutable struct and a record with a settable property fail it.
    [Theory]
    [InlineData(typeof(MutableClass))]
    [InlineData(typeof(MutableStruct))]
    [InlineData(typeof(RecordWithSetter))]
    [InlineData(typeof(OpenRecord))]
    [InlineData(typeof(StaticWithState))]
    public void ImmutabilityCheck_RejectsMutableShapes(Type type) => Assert.NotEmpty(Immutability.Violations(type));

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
