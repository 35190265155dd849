using System.Text;

namespace Vigie.Core.Notices;

/// <summary>
/// HTML encoding for text and quoted attribute values: &amp;, &lt;, &gt;, " and ' become entities, control characters
/// other than tab and newline are dropped, everything else stays as UTF-8. WebUtility.HtmlEncode would also turn
/// every accented letter into a numeric entity, which makes French mail and pages unreadable as source and
/// breaks text search over them.
/// </summary>
public static class HtmlText
{
    /// <summary>The encoded form of <paramref name="value"/> (empty for null).</summary>
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        StringBuilder? encoded = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not ('\t' or '\n') => "",
                _ => null,
            };
            if (replacement is null)
            {
                encoded?.Append(c);
                continue;
            }

            encoded ??= new StringBuilder(value, 0, i, value.Length + 16);
            encoded.Append(replacement);
        }

        return encoded?.ToString() ?? value;
    }
}
