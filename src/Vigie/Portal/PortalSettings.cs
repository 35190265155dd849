namespace Vigie.Portal;

/// <summary>
/// The public portal's limits, per client address (an IPv6 client counts per /64, since one host holds a whole
/// prefix). The defaults let a person retry a mistyped reference a few times and report a handful of messages,
/// and keep any one client far below what would load the database. Enumeration is hopeless anyway: 80 random bits.
/// </summary>
public sealed record PortalSettings
{
    /// <summary>Verifications per client per window. Default 20.</summary>
    public int VerifyPermits { get; init; } = 20;

    /// <summary>The verification window. Default 10 minutes.</summary>
    public TimeSpan VerifyWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Static page views (forms, style sheet) per client per minute. Default 120.</summary>
    public int PagePermits { get; init; } = 120;

    /// <summary>Reports per client per window. Default 10.</summary>
    public int ReportPermits { get; init; } = 10;

    /// <summary>The report window. Default 1 hour.</summary>
    public TimeSpan ReportWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Largest report body (bytes, URL-encoded form). Default 256 KiB: a 20,000-character text with its headers.</summary>
    public int MaxReportBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Largest verification body (bytes). Default 2 KiB.</summary>
    public int MaxVerifyBodyBytes { get; init; } = 2 * 1024;
}
