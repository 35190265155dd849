using Vigie.Core.Matching;

namespace Vigie.Core.Notices;

/// <summary>
/// Picks one channel per person: email when there is a plausible address (the full text, and a Message-ID that
/// makes resends recognisable), else SMS to a mobile number, else a postal letter when there is an address to print.
/// A French landline (01–05, 08, 09) cannot receive an SMS; numbers outside France are taken as able to.
/// </summary>
public static class ChannelChoice
{
    /// <summary>The channel and the destination to use for <paramref name="target"/>.</summary>
    public static (NoticeChannel Channel, string? Destination) For(NotificationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (NoticeText.IsPlausibleEmail(target.Email?.Trim()))
        {
            return (NoticeChannel.Email, target.Email!.Trim());
        }

        if (MobileNumber(target.Phone) is { } mobile)
        {
            return (NoticeChannel.Sms, mobile);
        }

        if (target.Address is { } a && a.Lines.Any(l => !string.IsNullOrWhiteSpace(l)) && !string.IsNullOrWhiteSpace(a.PostalCode) && !string.IsNullOrWhiteSpace(a.City))
        {
            return (NoticeChannel.Letter, null);
        }

        return (NoticeChannel.None, null);
    }

    /// <summary>The number in E.164 form when it can receive an SMS, else null.</summary>
    public static string? MobileNumber(string? phone)
    {
        var normal = ContactNormalizer.Phone(phone);
        if (normal is null)
        {
            return null;
        }

        if (normal.StartsWith("00", StringComparison.Ordinal))
        {
            return normal.Length >= 10 ? "+" + normal[2..] : null;
        }

        return normal.Length == 10 && (normal.StartsWith("06", StringComparison.Ordinal) || normal.StartsWith("07", StringComparison.Ordinal))
            ? "+33" + normal[1..]
            : null;
    }
}
