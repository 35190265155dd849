namespace Vigie.Core.Incidents;

/// <summary>What opening an incident takes, checked before anything is stored.</summary>
/// <param name="Title">A short title for lists and declarations (no patient data).</param>
/// <param name="Origin">Opened by hand, from an alert or from a canary contact.</param>
/// <param name="AlertId">The detection alert's id when opened from one.</param>
/// <param name="Window">The time window whose journal entries are examined.</param>
/// <param name="Selectors">The accounts, sessions, IPs and user agents named.</param>
/// <param name="DetectedAt">When the breach became known (the start of the 72-hour clock).</param>
/// <param name="OpenedBy">Who opened it (the officer's subject, or "cli:" + operator).</param>
public sealed record IncidentRequest(
    string Title,
    IncidentOrigin Origin,
    string? AlertId,
    TimeWindow Window,
    IncidentSelectors Selectors,
    DateTimeOffset DetectedAt,
    string OpenedBy)
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest alert id.</summary>
    public const int MaxAlertIdLength = 64;

    /// <summary>Refuses an incident that cannot be stored or declared; returns it as given otherwise.</summary>
    public ParseResult<IncidentRequest> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > MaxTitleLength || Title.Any(char.IsControl))
        {
            return ParseResult<IncidentRequest>.Fail($"a title has 1 to {MaxTitleLength} characters on one line");
        }

        if (Origin == IncidentOrigin.Alert && string.IsNullOrWhiteSpace(AlertId))
        {
            return ParseResult<IncidentRequest>.Fail("an incident opened from an alert names the alert");
        }

        if (AlertId is not null && (AlertId.Length is 0 or > MaxAlertIdLength || AlertId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            return ParseResult<IncidentRequest>.Fail($"an alert id has 1 to {MaxAlertIdLength} characters without spaces");
        }

        if (!Enum.IsDefined(Origin))
        {
            return ParseResult<IncidentRequest>.Fail("unknown incident origin");
        }

        if (Window.From >= Window.To)
        {
            return ParseResult<IncidentRequest>.Fail("the window's start must be before its end");
        }

        return string.IsNullOrWhiteSpace(OpenedBy)
            ? ParseResult<IncidentRequest>.Fail("an incident records who opened it")
            : ParseResult<IncidentRequest>.Ok(this);
    }
}
