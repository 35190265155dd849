using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>
/// One test (or theory) per INS rule of <see cref="NameNormalizer.Normalize"/>, in the order of the rules in
/// its XML doc and in docs/decisions/0002-ins-name-normalisation.md. Refusals are in <see cref="NameNormalizerRejectionTests"/>.
/// </summary>
public sealed class NameNormalizerTests
{
    private static string Normalized(string raw)
    {
        var result = NameNormalizer.Normalize(raw);
        Assert.True(result.Success, result.Error);
        return result.Value;
    }

    // Rule 1: letters are upper-cased.
    [Theory]
    [InlineData("dupont", "DUPONT")]
    [InlineData("Dupont", "DUPONT")]
    [InlineData("DUPONT", "DUPONT")]
    public void Normalize_UpperCasesLetters(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    // Rule 1: upper-casing ignores culture: i is I everywhere (no Turkish dotted İ), and ı/İ lose their dot.
    [Theory]
    [InlineData("yilmaz", "YILMAZ")]
    [InlineData("y\u0131lmaz", "YILMAZ")]
    [InlineData("\u0130STANBULLU", "ISTANBULLU")]
    public void Normalize_UpperCasesWithoutCulture(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    // Rule 2: diacritics are removed (NFD, then non-spacing marks dropped).
    [Theory]
    [InlineData("Éloïse", "ELOISE")]
    [InlineData("Hélène", "HELENE")]
    [InlineData("Françoise", "FRANCOISE")]
    [InlineData("Muñoz", "MUNOZ")]
    [InlineData("Müller", "MULLER")]
    [InlineData("Nguyễn", "NGUYEN")]
    [InlineData("Ångström", "ANGSTROM")]
    [InlineData("Dvořák", "DVORAK")]
    [InlineData("Ÿvelin", "YVELIN")]
    [InlineData("\u0218\u021Bepe\u0219", "STEPES")]
    public void Normalize_RemovesDiacritics(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    // Rule 2: input already in NFD (letter + combining mark) loses its marks the same way.
    [Fact]
    public void Normalize_DropsCombiningMarksOfDecomposedInput() =>
        Assert.Equal("HELENE", Normalized("He\u0301le\u0300ne"));

    // Rule 3: ligatures are expanded.
    [Theory]
    [InlineData("Lœuilliet", "LOEUILLIET")]
    [InlineData("CŒUR", "COEUR")]
    public void Normalize_ExpandsOeLigature(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    [Theory]
    [InlineData("Lætitia", "LAETITIA")]
    [InlineData("LÆTITIA", "LAETITIA")]
    public void Normalize_ExpandsAeLigature(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    [Theory]
    [InlineData("Strauß", "STRAUSS")]
    [InlineData("STRAU\u1E9E", "STRAUSS")]
    public void Normalize_ExpandsSharpS(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    [Fact]
    public void Normalize_ExpandsIjLigature() => Assert.Equal("IJSSEL", Normalized("\u0132ssel"));

    // Rule 3: Latin letters with a stroke, which Unicode does not decompose, lose it like a diacritic.
    [Theory]
    [InlineData("Søren", "SOREN")]
    [InlineData("Łukasz", "LUKASZ")]
    [InlineData("Đorđević", "DORDEVIC")]
    public void Normalize_MapsStrokedLettersToTheirBase(string raw, string expected) => Assert.Equal(expected, Normalized(raw));

    // Rule 4: typographic apostrophes become the apostrophe.
    [Theory]
    [InlineData("D\u2019ARC")]
    [InlineData("D\u2018ARC")]
    [InlineData("D\u02BCARC")]
    [InlineData("D\u00B4ARC")]
    [InlineData("D`ARC")]
    [InlineData("D'ARC")]
    public void Normalize_MapsTypographicApostrophes(string raw) => Assert.Equal("D'ARC", Normalized(raw));

    // Rule 4: dashes become the hyphen.
    [Theory]
    [InlineData("LE\u2010BRIS")]
    [InlineData("LE\u2011BRIS")]
    [InlineData("LE\u2012BRIS")]
    [InlineData("LE\u2013BRIS")]
    [InlineData("LE\u2014BRIS")]
    [InlineData("LE\u2212BRIS")]
    public void Normalize_MapsDashesToHyphen(string raw) => Assert.Equal("LE-BRIS", Normalized(raw));

    // Rule 4: Unicode spaces (no-break, narrow no-break, thin, ideographic) are spaces.
    [Theory]
    [InlineData("LE\u00A0GALL")]
    [InlineData("LE\u202FGALL")]
    [InlineData("LE\u2009GALL")]
    [InlineData("LE\u3000GALL")]
    public void Normalize_TreatsUnicodeSpacesAsSpaces(string raw) => Assert.Equal("LE GALL", Normalized(raw));

    // Rule 5: separators before the first and after the last letter are trimmed.
    [Theory]
    [InlineData("  DUPONT  ")]
    [InlineData("-DUPONT-")]
    [InlineData("'DUPONT'")]
    [InlineData(" - ' DUPONT ' - ")]
    [InlineData("\u00A0DUPONT\u2013")]
    public void Normalize_TrimsLeadingAndTrailingSeparators(string raw) => Assert.Equal("DUPONT", Normalized(raw));

    // Rule 6: a run of spaces becomes one space.
    [Theory]
    [InlineData("LE  GALL")]
    [InlineData("LE      GALL")]
    [InlineData("LE \u00A0 GALL")]
    public void Normalize_CollapsesRunsOfSpaces(string raw) => Assert.Equal("LE GALL", Normalized(raw));

    // Rule 6: spaces around a hyphen are removed.
    [Theory]
    [InlineData("JEAN - PIERRE")]
    [InlineData("JEAN -PIERRE")]
    [InlineData("JEAN-  PIERRE")]
    [InlineData("JEAN \u2013 PIERRE")]
    public void Normalize_RemovesSpacesAroundHyphens(string raw) => Assert.Equal("JEAN-PIERRE", Normalized(raw));

    // Rule 6: spaces around an apostrophe are removed.
    [Theory]
    [InlineData("D ' ARC")]
    [InlineData("D 'ARC")]
    [InlineData("D' ARC")]
    [InlineData("D \u2019 ARC")]
    public void Normalize_RemovesSpacesAroundApostrophes(string raw) => Assert.Equal("D'ARC", Normalized(raw));

    // Rule 7: "--", the separator of a double family name (2005-2011), is kept, with or without spaces around or between.
    [Theory]
    [InlineData("DUPONT--DURAND")]
    [InlineData("DUPONT - - DURAND")]
    [InlineData("Dupont -- Durand")]
    [InlineData("DUPONT\u2013\u2013DURAND")]
    public void Normalize_KeepsDoubleHyphenOfDoubleFamilyName(string raw) => Assert.Equal("DUPONT--DURAND", Normalized(raw));

    // Rule 10: the limit is counted after normalisation: collapsed spaces do not count, expanded ligatures do.
    [Fact]
    public void Normalize_AcceptsNameOfMaxLength() =>
        Assert.Equal(NameNormalizer.MaxLength, Normalized(new string('A', NameNormalizer.MaxLength)).Length);

    [Fact]
    public void Normalize_MeasuresLengthAfterNormalisation()
    {
        var raw = "   " + new string('A', 49) + "     " + new string('B', 50) + "   ";
        Assert.Equal(100, Normalized(raw).Length);
    }

    // Performance: an already-normalised name is returned as is, without allocating a copy.
    [Fact]
    public void Normalize_ReturnsTheSameStringWhenAlreadyNormalised()
    {
        var raw = "DE LA FONTAINE--D'ARC";
        Assert.Same(raw, NameNormalizer.Normalize(raw).Value);
    }

    [Fact]
    public void Normalize_KeepsEveryRuleTogether() =>
        Assert.Equal("DE L'ECLUSE-LOEUILLET--MULLER", Normalized("  de  l \u2019 Écluse \u2013 Lœuillet - - Müller "));
}
