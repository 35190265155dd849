using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

/// <summary>
/// Every public type in Vigie.Core.Matching is immutable: an enum, a static class without mutable static state,
/// a readonly struct or a sealed record, with readonly fields, no setter but init, and no mutable collection
/// exposed. Models are shared between threads and scans; a mutable one would be a bug waiting.
/// </summary>
public sealed class MatchingTypesAreImmutableTests
{
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
        Assert.Empty(Immutability.Violations(type));
    }

    [Theory]
    [InlineData(typeof(MutableClass))]
    [InlineData(typeof(MutableStruct))]
    [InlineData(typeof(RecordWithSetter))]
    [InlineData(typeof(StaticWithState))]
    [InlineData(typeof(RecordWithArray))]
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

    private sealed record RecordWithArray(int[] Values);

    private static class StaticWithState
    {
        public static int Counter { get; set; }
    }
}
