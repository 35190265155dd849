using System.Globalization;

namespace Vigie.Core.Identity;

/// <summary>
/// Classifies the characters of raw names without allocating and without ICU.
/// </summary>
/// <remarks>
/// Vigie runs with <c>InvariantGlobalization</c>, where <see cref="string.Normalize()"/> is a no-op for
/// non-ASCII text (there is no ICU). The "NFD, then drop non-spacing marks" rule is therefore applied through
/// the tables below, which hold the result of NFD for every character whose canonical decomposition is one
/// ASCII letter followed only by non-spacing marks (upper-cased; '_' where there is none). They were produced
/// once with ICU 72 by this program (run with InvariantGlobalization=false):
/// <code>
/// var d = ((char)i).ToString().Normalize(NormalizationForm.FormD);
/// var letter = char.IsAsciiLetter(d[0]) &amp;&amp; d.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark)
///     &amp;&amp; (d.Length > 1 || d[0] != (char)i) ? char.ToUpperInvariant(d[0]) : '_';
/// </code>
/// over U+0000-U+FFFF. Every hit lies in U+00C0-U+0233, U+1E00-U+1EF9, plus U+212A (Kelvin sign) and U+212B (Angstrom sign).
/// </remarks>
internal static class NameCharacters
{
    private const int LatinStart = 0x00C0;
    private const int LatinAdditionalStart = 0x1E00;

    private const string Latin =
        /* U+00C0 */ "AAAAAA_CEEEEIIII_NOOOOO__UUUUY__" +
        /* U+00E0 */ "AAAAAA_CEEEEIIII_NOOOOO__UUUUY_Y" +
        /* U+0100 */ "AAAAAACCCCCCCCDD__EEEEEEEEEEGGGG" +
        /* U+0120 */ "GGGGHH__IIIIIIIII___JJKK_LLLLLL_" +
        /* U+0140 */ "___NNNNNN___OOOOOO__RRRRRRSSSSSS" +
        /* U+0160 */ "SSTTTT__UUUUUUUUUUUUWWYYYZZZZZZ_" +
        /* U+0180 */ "________________________________" +
        /* U+01A0 */ "OO_____________UU_______________" +
        /* U+01C0 */ "_____________AAIIOOUUUUUUUUUU_AA" +
        /* U+01E0 */ "AA____GGKKOOOO__J___GG__NNAA____" +
        /* U+0200 */ "AAAAEEEEIIIIOOOORRRRUUUUSSTT__HH" +
        /* U+0220 */ "______AAEEOOOOOOOOYY";

    private const string LatinExtendedAdditional =
        /* U+1E00 */ "AABBBBBBCCDDDDDDDDDDEEEEEEEEEEFF" +
        /* U+1E20 */ "GGHHHHHHHHHHIIIIKKKKKKLLLLLLLLMM" +
        /* U+1E40 */ "MMMMNNNNNNNNOOOOOOOOPPPPRRRRRRRR" +
        /* U+1E60 */ "SSSSSSSSSSTTTTTTTTUUUUUUUUUUVVVV" +
        /* U+1E80 */ "WWWWWWWWWWXXXXYYZZZZZZHTWY______" +
        /* U+1EA0 */ "AAAAAAAAAAAAAAAAAAAAAAAAEEEEEEEE" +
        /* U+1EC0 */ "EEEEEEEEIIIIOOOOOOOOOOOOOOOOOOOO" +
        /* U+1EE0 */ "OOOOUUUUUUUUUUUUUUYYYYYYYY";

    /// <summary>
    /// Classifies <paramref name="c"/>; for <see cref="NameCharKind.Letter"/>, <paramref name="first"/> is the
    /// upper-case letter and <paramref name="second"/> the second letter of a ligature, or '\0'.
    /// </summary>
    internal static NameCharKind Classify(char c, out char first, out char second)
    {
        second = '\0';
        first = c switch
        {
            >= 'A' and <= 'Z' => c,
            >= 'a' and <= 'z' => (char)(c - ('a' - 'A')),
            _ => '\0',
        };
        if (first != '\0')
        {
            return NameCharKind.Letter;
        }

        switch (c)
        {
            case ' ':
                return NameCharKind.Space;

            // Dashes become the hyphen: hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
            case '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212':
                return NameCharKind.Hyphen;

            // Typographic apostrophes become the apostrophe: ' ’ ‘ ʼ ´ `.
            case '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`':
                return NameCharKind.Apostrophe;

            case ',':
                return NameCharKind.Comma;

            // Ligatures are expanded: Œ -> OE, Æ -> AE, ß/ẞ -> SS, Ĳ -> IJ.
            case '\u0152' or '\u0153':
                (first, second) = ('O', 'E');
                return NameCharKind.Letter;
            case '\u00C6' or '\u00E6':
                (first, second) = ('A', 'E');
                return NameCharKind.Letter;
            case '\u00DF' or '\u1E9E':
                (first, second) = ('S', 'S');
                return NameCharKind.Letter;
            case '\u0132' or '\u0133':
                (first, second) = ('I', 'J');
                return NameCharKind.Letter;

            // Latin letters whose stroke or missing dot is a diacritic in all but Unicode's eyes (no decomposition):
            // Ø -> O, Ł -> L, Đ -> D, dotless ı -> I. Refusing them would refuse ordinary Nordic, Polish, Croatian
            // and Turkish names for a technicality.
            case '\u00D8' or '\u00F8':
                first = 'O';
                return NameCharKind.Letter;
            case '\u0141' or '\u0142':
                first = 'L';
                return NameCharKind.Letter;
            case '\u0110' or '\u0111':
                first = 'D';
                return NameCharKind.Letter;
            case '\u0131':
                first = 'I';
                return NameCharKind.Letter;

            // Singleton canonical decompositions to a Latin letter.
            case '\u212A':
                first = 'K';
                return NameCharKind.Letter;
            case '\u212B':
                first = 'A';
                return NameCharKind.Letter;
        }

        first = (uint)(c - LatinStart) < (uint)Latin.Length ? Latin[c - LatinStart]
            : (uint)(c - LatinAdditionalStart) < (uint)LatinExtendedAdditional.Length ? LatinExtendedAdditional[c - LatinAdditionalStart]
            : '_';
        if (first != '_')
        {
            return NameCharKind.Letter;
        }

        first = '\0';
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.SpaceSeparator => NameCharKind.Space,
            UnicodeCategory.NonSpacingMark => NameCharKind.Mark,
            _ => NameCharKind.Invalid,
        };
    }
}
