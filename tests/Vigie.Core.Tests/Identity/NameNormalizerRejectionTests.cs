using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>What <see cref="NameNormalizer.Normalize"/> refuses, and how it says so without quoting the name.</summary>
public sealed class NameNormalizerRejectionTests
{
    // Rule 10: a missing name is refused.
    [Fact]
    public void Normalize_RejectsMissingName()
    {
        var result = NameNormalizer.Normalize(null);
        Assert.False(result.Success);
        Assert.Equal("the name is missing", result.Error);
    }

    // Rule 10: a name without any letter (empty, white space, separators, lone marks) is refused.
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0\u2009")]
    [InlineData("-")]
    [InlineData(" ' - ")]
    [InlineData("\u0301")]
    public void Normalize_RejectsNameWithoutLetters(string raw)
    {
        var result = NameNormalizer.Normalize(raw);
        Assert.False(result.Success);
        Assert.Equal("the name contains no letter", result.Error);
    }

    // Rule 9: any character outside letters, spaces, hyphens and apostrophes is refused.
    [Theory]
    [InlineData("DUPONT2", 7)] // digit
    [InlineData("DUPONT.", 7)] // punctuation
    [InlineData("DUP,ONT", 4)] // a comma separates given names only
    [InlineData("DU(PONT)", 3)]
    [InlineData("DU_PONT", 3)]
    [InlineData("DU/PONT", 3)]
    [InlineData("DU\tPONT", 3)] // control characters, tab included
    [InlineData("DU\nPONT", 3)]
    [InlineData("DU\0PONT", 3)]
    [InlineData("DU\u00ADPONT", 3)] // soft hyphen: invisible, so not a hyphen
    [InlineData("DUPONT\U0001F600", 7)] // emoji (a surrogate pair)
    [InlineData("\u0414\u0423\u041F\u041E\u041D\u0422", 1)] // Cyrillic
    [InlineData("\u03A9MEGA", 1)] // Greek
    [InlineData("\u0645\u062D\u0645\u062F", 1)] // Arabic
    [InlineData("\u674E", 1)] // CJK
    [InlineData("\uFF21BC", 1)] // full-width Latin: a compatibility form, not NFD
    [InlineData("\u00DEORA", 1)] // Icelandic thorn has no A-Z base
    public void Normalize_RejectsCharactersOutsideTheInsAlphabet(string raw, int position)
    {
        var result = NameNormalizer.Normalize(raw);
        Assert.False(result.Success);
        Assert.Equal(
            $"the name may contain only letters, spaces, hyphens and apostrophes (character {position} is not allowed)",
            result.Error);
    }

    // Rule 7: three or more hyphens in a row have no meaning in a name.
    [Theory]
    [InlineData("DUPONT---DURAND")]
    [InlineData("DUPONT - - - DURAND")]
    public void Normalize_RejectsThreeOrMoreHyphensInARow(string raw) => AssertAmbiguous(raw);

    // Rule 7: a hyphen next to an apostrophe, or two apostrophes, cannot be read unambiguously.
    [Theory]
    [InlineData("D'-ARC")]
    [InlineData("D - ' ARC")]
    [InlineData("D''ARC")]
    [InlineData("D\u2019'ARC")]
    public void Normalize_RejectsMixedOrRepeatedApostrophes(string raw) => AssertAmbiguous(raw);

    // Rule 10: a name longer than MaxLength once normalised is refused, ligatures counting as two letters.
    [Theory]
    [InlineData(101, "A")]
    [InlineData(51, "\u0152")]
    [InlineData(1000, "A")]
    public void Normalize_RejectsNameLongerThanMaxLength(int count, string unit)
    {
        var result = NameNormalizer.Normalize(string.Concat(Enumerable.Repeat(unit, count)));
        Assert.False(result.Success);
        Assert.Equal("the name is longer than 100 characters once normalised", result.Error);
    }

    // Messages reach clients and logs: they never contain the name, whatever went wrong.
    [Theory]
    [InlineData("MARTINEZ9")]
    [InlineData("MARTINEZ---LOPEZ")]
    [InlineData("MARTINEZ@LOPEZ")]
    public void Normalize_ErrorMessagesNeverEchoTheInput(string raw)
    {
        var error = NameNormalizer.Normalize(raw).Error;
        Assert.NotNull(error);
        Assert.DoesNotContain("MARTINEZ", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LOPEZ", error, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertAmbiguous(string raw)
    {
        var result = NameNormalizer.Normalize(raw);
        Assert.False(result.Success);
        Assert.Equal("the name contains a run of hyphens or apostrophes that cannot be read unambiguously", result.Error);
    }
}
