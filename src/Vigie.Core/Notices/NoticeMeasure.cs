namespace Vigie.Core.Notices;

/// <summary>
/// Measures taken, each printed as a fixed French sentence. A closed list rather than free text: a notice must never
/// carry a link or a request for data, and a sentence chosen from this list cannot.
/// </summary>
public enum NoticeMeasure
{
    /// <summary>The accounts used were blocked.</summary>
    AccountsBlocked,

    /// <summary>Open sessions were cut.</summary>
    SessionsRevoked,

    /// <summary>Access to contact data was restricted to the roles that need it.</summary>
    ContactAccessRestricted,

    /// <summary>Monitoring of consultations was strengthened (real-time detection).</summary>
    MonitoringStrengthened,

    /// <summary>The CNIL and the health authorities were notified.</summary>
    AuthoritiesNotified,

    /// <summary>A complaint was filed.</summary>
    ComplaintFiled,
}
