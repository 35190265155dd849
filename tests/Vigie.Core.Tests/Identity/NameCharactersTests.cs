using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>
/// The decomposition tables stand in for NFD, which does nothing under InvariantGlobalization.
/// These tests pin the facts the tables were built from, so an edit that shifts a row shows up.
/// </summary>
public sealed class NameCharactersTests
{
    // The runtime really is ICU-less here: string.Normalize leaves É alone, which is why the tables exist.
    [Fact]
    public void StringNormalize_DoesNotDecomposeUnderInvariantGlobalization() =>
        Assert.Equal("\u00C9", "\u00C9".Normalize(System.Text.NormalizationForm.FormD));

    [Theory]
    [InlineData('\u00C0', 'A')] // first entry of the Latin table
    [InlineData('\u00FF', 'Y')] // ÿ
    [InlineData('\u0107', 'C')] // ć
    [InlineData('\u0130', 'I')] // İ
    [InlineData('\u0159', 'R')] // ř
    [InlineData('\u017E', 'Z')] // ž
    [InlineData('\u01DC', 'U')] // ǜ: U + diaeresis + grave
    [InlineData('\u021B', 'T')] // ț
    [InlineData('\u0233', 'Y')] // last entry of the Latin table
    [InlineData('\u1E00', 'A')] // first entry of Latin Extended Additional
    [InlineData('\u1EC7', 'E')] // ệ
    [InlineData('\u1EF9', 'Y')] // last entry
    [InlineData('\u212B', 'A')] // Angstrom sign
    [InlineData('\u212A', 'K')] // Kelvin sign
    public void Classify_DecomposesPrecomposedLatinLetters(char c, char expected)
    {
        Assert.Equal(NameCharKind.Letter, NameCharacters.Classify(c, out var first, out var second));
        Assert.Equal(expected, first);
        Assert.Equal('\0', second);
    }

    [Theory]
    [InlineData('\u00D7')] // multiplication sign, in the middle of Latin-1 letters
    [InlineData('\u00F7')] // division sign
    [InlineData('\u00DE')] // thorn
    [InlineData('\u0234')] // just past the Latin table
    [InlineData('\u1EFA')] // just past the Latin Extended Additional table
    [InlineData('\u0180')] // ƀ: stroke letters other than Ø Ł Đ ı stay refused
    public void Classify_RefusesLatinCharactersWithoutAnAsciiBase(char c) =>
        Assert.Equal(NameCharKind.Invalid, NameCharacters.Classify(c, out _, out _));

    [Theory]
    [InlineData('\u0300')]
    [InlineData('\u0327')]
    [InlineData('\u1DC0')]
    public void Classify_DropsNonSpacingMarks(char c) =>
        Assert.Equal(NameCharKind.Mark, NameCharacters.Classify(c, out _, out _));

    // Every character from U+0000 to U+FFFF classifies without throwing, and letters are A-Z.
    [Fact]
    public void Classify_MapsEveryLetterToAsciiUpperCase()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            if (NameCharacters.Classify((char)i, out var first, out var second) == NameCharKind.Letter)
            {
                Assert.True(char.IsAsciiLetterUpper(first), $"U+{i:X4}");
                Assert.True(second == '\0' || char.IsAsciiLetterUpper(second), $"U+{i:X4}");
            }
        }
    }
}
