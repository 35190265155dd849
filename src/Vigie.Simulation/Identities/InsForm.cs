using System.Text;

namespace Vigie.Simulation.Identities;

/// <summary>
/// The generator's own, deliberately small, INS-style normalisation: upper case A-Z, space, hyphen, apostrophe.
/// It only has to cover the characters the generator itself writes (French accents, Œ/Æ, the typographic
/// apostrophe and stray spaces), so it stays independent of Core's NameNormalizer, which is written in
/// parallel; a test of the two agreeing belongs with Core's once it lands.
/// </summary>
internal static class InsForm
{
    /// <summary>Normalises a name; throws on a character the generator never writes (a bug in its tables).</summary>
    public static string Normalize(string raw)
    {
        var builder = new StringBuilder(raw.Length + 2);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (c is ' ' or '\t')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            AppendFolded(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>True when every character is one the INS form allows.</summary>
    public static bool IsNormalized(string value)
    {
        foreach (var c in value)
        {
            if (!(c is >= 'A' and <= 'Z' or ' ' or '-' or '\''))
            {
                return false;
            }
        }

        return value.Length > 0 && value[0] != ' ' && value[^1] != ' ';
    }

    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case >= 'A' and <= 'Z':
            case '-' or '\'':
                builder.Append(c);
                break;
            case >= 'a' and <= 'z':
                builder.Append((char)(c - ('a' - 'A')));
                break;
            case '\u2019' or '\u2018':
                builder.Append('\'');
                break;
            case 'œ' or 'Œ':
                builder.Append("OE");
                break;
            case 'æ' or 'Æ':
                builder.Append("AE");
                break;
            default:
                builder.Append(FoldAccent(c));
                break;
        }
    }

    /// <summary>The unaccented upper-case letter of an accented one; throws on anything else.</summary>
    public static char FoldAccent(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' => 'A',
        'ç' or 'Ç' => 'C',
        'è' or 'é' or 'ê' or 'ë' or 'È' or 'É' or 'Ê' or 'Ë' => 'E',
        'ì' or 'í' or 'î' or 'ï' or 'Ì' or 'Í' or 'Î' or 'Ï' => 'I',
        'ñ' or 'Ñ' => 'N',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' => 'O',
        'ù' or 'ú' or 'û' or 'ü' or 'Ù' or 'Ú' or 'Û' or 'Ü' => 'U',
        'ý' or 'ÿ' or 'Ý' or 'Ÿ' => 'Y',
        _ => throw new InvalidOperationException($"the generator wrote a character its INS form does not know: U+{(int)c:X4}"),
    };
}
