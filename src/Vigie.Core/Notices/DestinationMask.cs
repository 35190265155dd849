namespace Vigie.Core.Notices;

/// <summary>
/// What the portal may show of where a notice went: never more than the person already has. A phone shows its
/// last two digits ("…42"). An email shows the last two characters before the @ when that part has at least four
/// characters, one when it has two or three, and none when it has one, so the mask never reveals a whole local
/// part; the domain is never shown. A letter shows nothing (the channel and date say enough).
/// </summary>
public static class DestinationMask
{
    /// <summary>The mask for a destination sent on <paramref name="channel"/>; null when nothing is shown.</summary>
    public static string? For(NoticeChannel channel, string? destination)
    {
        if (string.IsNullOrEmpty(destination))
        {
            return null;
        }

        switch (channel)
        {
            case NoticeChannel.Sms:
                var digits = destination.Where(char.IsAsciiDigit).ToArray();
                return digits.Length >= 4 ? "…" + new string(digits[^2..]) : null;
            case NoticeChannel.Email:
                var at = destination.LastIndexOf('@');
                if (at <= 0)
                {
                    return null;
                }

                var shown = at >= 4 ? 2 : at >= 2 ? 1 : 0;
                return shown == 0 ? "…@" : "…" + destination.Substring(at - shown, shown) + "@";
            default:
                return null;
        }
    }
}
