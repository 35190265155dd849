using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class TyposTests
{
    private static readonly string[] Names = ["Lefèvre", "D'Hondt", "Le Gall", "Martin--Dupont", "Jean-Pierre", "Lecœur", "Ba", "N'Diaye", "Hélène"];

    [Fact]
    public void Typo_AlwaysChangesTheInsForm_AndKeepsAValidName()
    {
        var random = new SimRandom(1);
        var kinds = RecordCorruptions.None;
        for (var i = 0; i < 20_000; i++)
        {
            var name = Names[i % Names.Length];
            var (typed, kind) = Typos.Apply(name, random);
            kinds |= kind;

            var normalized = InsForm.Normalize(typed);
            Assert.NotEqual(InsForm.Normalize(name), normalized);
            Assert.True(InsForm.IsNormalized(normalized), normalized);
            Assert.DoesNotContain("  ", normalized, StringComparison.Ordinal);
            Assert.False(normalized[0] is '-' or '\'' || normalized[^1] is '-' or '\'', normalized);
        }

        Assert.Equal(
            RecordCorruptions.LetterSubstituted | RecordCorruptions.LetterDeleted | RecordCorruptions.LetterInserted | RecordCorruptions.LettersTransposed,
            kinds);
    }

    [Fact]
    public void Transposition_KeepsTheCapitalInFront()
    {
        var random = new SimRandom(3);
        for (var i = 0; i < 1_000; i++)
        {
            var (typed, kind) = Typos.Apply("Martin", random);
            if (kind == RecordCorruptions.LettersTransposed)
            {
                Assert.True(char.IsUpper(typed[0]), typed);
                Assert.True(typed[1..].All(char.IsLower), typed);
            }
        }
    }
}
