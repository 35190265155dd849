using Vigie.Core;
using Vigie.Core.Access;
using Vigie.Fhir;

namespace Vigie.Registry;

/// <summary>
/// How a reader declares break-the-glass: <c>X-Vigie-Purpose: ETREAT</c> (a code from the policy's list) and
/// optionally <c>X-Vigie-Purpose-Reason</c> (free text, percent-encoded UTF-8, at most 200 characters).
/// Headers rather than query parameters, so that the purpose never lands in URLs and access logs.
/// </summary>
internal static class BreakTheGlassHeaders
{
    public const string Purpose = "X-Vigie-Purpose";
    public const string Reason = "X-Vigie-Purpose-Reason";

    public static ParseResult<BreakTheGlass?> Read(HttpRequest request)
    {
        var codes = request.Headers[Purpose];
        if (codes.Count == 0)
        {
            return ParseResult<BreakTheGlass?>.Ok(null);
        }

        var code = codes.Count == 1 ? codes[0]?.Trim() : null;
        if (string.IsNullOrEmpty(code) || code.Length > 20 || !code.All(char.IsAsciiLetterOrDigit))
        {
            return ParseResult<BreakTheGlass?>.Fail(Purpose + ": one purpose code (letters and digits, e.g. ETREAT)");
        }

        string? reason = null;
        var reasons = request.Headers[Reason];
        if (reasons.Count > 0)
        {
            try
            {
                reason = Uri.UnescapeDataString(reasons.ToString()).Trim();
            }
            catch (UriFormatException)
            {
                return ParseResult<BreakTheGlass?>.Fail(Reason + ": percent-encoded UTF-8 text");
            }

            if (reason.Length > BreakTheGlass.MaxReasonLength || TextRules.HasControlCharacters(reason))
            {
                return ParseResult<BreakTheGlass?>.Fail($"{Reason}: at most {BreakTheGlass.MaxReasonLength} characters, without control characters");
            }
        }

        return ParseResult<BreakTheGlass?>.Ok(new BreakTheGlass(code.ToUpperInvariant(), string.IsNullOrEmpty(reason) ? null : reason));
    }
}
