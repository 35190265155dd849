using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>Every public type in Vigie.Core.Journal is immutable (see <see cref="Immutability"/>): evidence must not change under anyone's feet.</summary>
public sealed class JournalTypesAreImmutableTests
{
    public static TheoryData<string> JournalTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(JournalEntry).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == "Vigie.Core.Journal")
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void JournalNamespace_HasPublicTypesToCheck() => Assert.True(JournalTypes().Count >= 20);

    [Theory]
    [MemberData(nameof(JournalTypes))]
    public void PublicJournalType_IsImmutable(string typeName) =>
        Assert.Empty(Immutability.Violations(typeof(JournalEntry).Assembly.GetType(typeName, throwOnError: true)!));
}
