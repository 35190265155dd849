namespace Vigie.Core.Notices;

/// <summary>
/// A message someone received and reports as suspicious, as they pasted it: the text, who it claimed to come from
/// and, for an email, its headers. Stored as text for the security team; it is evidence, so it is kept as given
/// (scripts included) and only ever shown encoded.
/// </summary>
/// <param name="Text">The message text (required).</param>
/// <param name="Sender">The sender as shown: an address, a phone number or an SMS sender name (optional).</param>
/// <param name="Headers">Email headers (optional).</param>
public sealed record SuspiciousMessage(string Text, string? Sender, string? Headers)
{
    /// <summary>Longest text kept (characters): a long phishing email fits; a pasted book does not.</summary>
    public const int MaxText = 20_000;

    /// <summary>Longest sender kept (an RFC 5321 path is at most 256 octets; room for a display name).</summary>
    public const int MaxSender = 320;

    /// <summary>Longest header block kept.</summary>
    public const int MaxHeaders = 32_000;

    /// <summary>Checks lengths; empty optional fields become null, and the text must not be blank.</summary>
    public static ParseResult<SuspiciousMessage> Check(string? text, string? sender, string? headers)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<SuspiciousMessage>.Fail("text");
        }

        if (text.Length > MaxText)
        {
            return ParseResult<SuspiciousMessage>.Fail("text.length");
        }

        if (sender is { Length: > MaxSender })
        {
            return ParseResult<SuspiciousMessage>.Fail("sender.length");
        }

        if (headers is { Length: > MaxHeaders })
        {
            return ParseResult<SuspiciousMessage>.Fail("headers.length");
        }

        return ParseResult<SuspiciousMessage>.Ok(new SuspiciousMessage(text, Blank(sender), Blank(headers)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
