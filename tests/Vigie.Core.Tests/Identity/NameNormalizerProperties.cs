using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>Properties of name normalisation that must hold for every input, checked with FsCheck.</summary>
public sealed class NameNormalizerProperties
{
    // Mostly name-like characters, so that most generated inputs are accepted and the properties bite,
    // plus a few that every rule must cope with (marks, ligatures, dashes, odd spaces, refused characters).
    private static readonly char[] NameLike =
    [
        .. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        .. "ÉÈÊËÀÂÄÇÑÜÏÎÔÖœŒæÆßØøŁłıİĳ",
        ' ', ' ', ' ', ' ', '-', '-', '\'', '\u2019', '\u2013', '\u2014', '\u00A0', '\u202F', ',', '\u0301', '\u0308',
    ];

    private static readonly char[] Refused = ['1', '.', '\t', '\u0414', '\uD83D'];

    private static readonly Arbitrary<string> NameLikeStrings =
        Gen.Frequency((99, Gen.Elements(NameLike)), (1, Gen.Elements(Refused)))
            .ArrayOf()
            .Select(chars => new string(chars))
            .ToArbitrary();

    private static readonly Config Thorough = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static readonly Arbitrary<string> AnyStrings =
        ArbMap.Default.ArbFor<string>();

    public static TheoryData<string> EntryPoints => ["Normalize", "NormalizeGivenNames", "NormalizeFirstGivenName"];

    private static ParseResult<string> Run(string entryPoint, string? raw) => entryPoint switch
    {
        "Normalize" => NameNormalizer.Normalize(raw),
        "NormalizeGivenNames" => NameNormalizer.NormalizeGivenNames(raw),
        _ => NameNormalizer.NormalizeFirstGivenName(raw),
    };

    // Guard: the properties below only say something if the generator yields accepted names often enough.
    [Fact]
    public void NameLikeGenerator_YieldsMostlyAcceptedNames()
    {
        var samples = NameLikeStrings.Generator.Sample(1000, 100);
        var accepted = samples.Count(raw => NameNormalizer.Normalize(raw).Success);
        Assert.InRange(accepted, 300, 1000); // Sample(count, size): 1000 inputs of the largest size the properties use
    }

    // Normalising an accepted output returns it unchanged.
    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Normalize_IsIdempotent(string entryPoint)
    {
        Prop.ForAll(NameLikeStrings, raw =>
        {
            var once = Run(entryPoint, raw);
            return !once.Success || Run(entryPoint, once.Value) is { Success: true } twice && twice.Value == once.Value;
        }).Check(Thorough);
    }

    // An accepted output holds only A-Z, single spaces, hyphens ("--" only in family names) and apostrophes
    // between letters, and fits in MaxLength.
    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Normalize_OutputsOnlyTheInsAlphabet(string entryPoint)
    {
        Prop.ForAll(NameLikeStrings, raw =>
        {
            var result = Run(entryPoint, raw);
            return !result.Success || IsInsForm(result.Value, allowDoubleHyphen: entryPoint == "Normalize");
        }).Check(Thorough);
    }

    // Arbitrary Unicode input never throws; whatever is accepted is in the INS form.
    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Normalize_NeverThrowsOnArbitraryInput(string entryPoint)
    {
        Prop.ForAll(AnyStrings, raw =>
        {
            var result = Run(entryPoint, raw);
            return result.Success ? IsInsForm(result.Value, allowDoubleHyphen: entryPoint == "Normalize") : result.Error!.Length > 0;
        }).Check(Thorough);
    }

    private static bool IsInsForm(string value, bool allowDoubleHyphen)
    {
        if (value.Length is 0 or > NameNormalizer.MaxLength || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[^1]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterUpper(c))
            {
                continue;
            }

            // A separator: preceded by a letter, or by '-' when it is the second hyphen of "--".
            var doubleHyphen = allowDoubleHyphen && c == '-' && value[i - 1] == '-' && (i < 2 || char.IsAsciiLetterUpper(value[i - 2]));
            if (c is not (' ' or '-' or '\'') || !(char.IsAsciiLetterUpper(value[i - 1]) || doubleHyphen))
            {
                return false;
            }
        }

        return true;
    }
}
