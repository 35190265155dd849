using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>
/// The rules that differ for given names. Every character rule of <see cref="NameNormalizerTests"/> applies to
/// them too; the theory at the end checks a sample of them on the given-name entry points.
/// </summary>
public sealed class GivenNamesNormalizerTests
{
    // Given names are separated by one space; runs of spaces collapse to one.
    [Fact]
    public void NormalizeGivenNames_SeparatesGivenNamesWithOneSpace() =>
        Assert.Equal("JEAN PIERRE MARIE", NameNormalizer.NormalizeGivenNames("  Jean   Pierre\u00A0Marie ").Value);

    // A compound given name keeps its hyphen.
    [Fact]
    public void NormalizeGivenNames_KeepsHyphenOfCompoundGivenName() =>
        Assert.Equal("JEAN-PIERRE MARIE", NameNormalizer.NormalizeGivenNames("Jean - Pierre Marie").Value);

    // Birth certificates separate given names with commas since 1999: a comma is a list separator.
    [Theory]
    [InlineData("Jean, Pierre, Marie")]
    [InlineData("Jean,Pierre,Marie")]
    [InlineData("Jean ,Pierre ,, Marie,")]
    public void NormalizeGivenNames_TreatsCommaAsListSeparator(string raw) =>
        Assert.Equal("JEAN PIERRE MARIE", NameNormalizer.NormalizeGivenNames(raw).Value);

    // A comma next to a hyphen would turn two given names into a compound one, or the reverse: refused.
    [Theory]
    [InlineData("Jean,-Pierre")]
    [InlineData("Jean-, Pierre")]
    [InlineData("Jean', Pierre")]
    public void NormalizeGivenNames_RejectsCommaNextToHyphenOrApostrophe(string raw) =>
        Assert.Equal(
            "the given names: a comma cannot stand next to a hyphen or an apostrophe",
            NameNormalizer.NormalizeGivenNames(raw).Error);

    // The double hyphen belongs to double family names only.
    [Fact]
    public void NormalizeGivenNames_RejectsDoubleHyphen() =>
        Assert.Equal(
            "the given names: a double hyphen only separates the two parts of a double family name",
            NameNormalizer.NormalizeGivenNames("Jean--Pierre").Error);

    [Fact]
    public void NormalizeGivenNames_RejectsMissingList() =>
        Assert.Equal("the given names are missing", NameNormalizer.NormalizeGivenNames(null).Error);

    [Fact]
    public void NormalizeGivenNames_RejectsListLongerThanMaxLength() =>
        Assert.False(NameNormalizer.NormalizeGivenNames(string.Join(' ', Enumerable.Repeat("MARIE", 17))).Success);

    // The first given name may contain a space (compound given names before 1999), never a comma.
    [Fact]
    public void NormalizeFirstGivenName_AcceptsSpaceOfOldCompoundGivenName() =>
        Assert.Equal("ANNE SOPHIE", NameNormalizer.NormalizeFirstGivenName("Anne  Sophie").Value);

    [Fact]
    public void NormalizeFirstGivenName_RejectsComma() =>
        Assert.False(NameNormalizer.NormalizeFirstGivenName("Anne, Sophie").Success);

    [Fact]
    public void NormalizeFirstGivenName_RejectsDoubleHyphen() =>
        Assert.False(NameNormalizer.NormalizeFirstGivenName("Anne--Sophie").Success);

    [Theory]
    [InlineData("JEAN-PIERRE MARIE LOUIS", "JEAN-PIERRE")]
    [InlineData("ANNE", "ANNE")]
    public void FirstGivenNameOf_TakesTheTextBeforeTheFirstSpace(string givenNames, string expected) =>
        Assert.Equal(expected, NameNormalizer.FirstGivenNameOf(givenNames));

    // The character rules are shared: diacritics, ligatures, apostrophes, dashes, trimming.
    [Theory]
    [InlineData("Éloïse  Maëlle", "ELOISE MAELLE")]
    [InlineData("Zoë, Lætitia", "ZOE LAETITIA")]
    [InlineData(" Marie\u2013Thérèse ", "MARIE-THERESE")]
    [InlineData("N\u2019Golo", "N'GOLO")]
    public void NormalizeGivenNames_AppliesTheNameCharacterRules(string raw, string expected) =>
        Assert.Equal(expected, NameNormalizer.NormalizeGivenNames(raw).Value);

    [Theory]
    [InlineData("Jean2")]
    [InlineData("Jean;Pierre")]
    [InlineData("   ")]
    public void NormalizeGivenNames_RejectsWhatNamesReject(string raw) =>
        Assert.False(NameNormalizer.NormalizeGivenNames(raw).Success);
}
