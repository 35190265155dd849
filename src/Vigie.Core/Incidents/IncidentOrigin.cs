namespace Vigie.Core.Incidents;

/// <summary>How an incident was opened. The numeric values are stored; never renumber.</summary>
public enum IncidentOrigin
{
    /// <summary>Opened by hand by a security officer.</summary>
    Manual = 0,

    /// <summary>Opened from a detection alert (its id is kept).</summary>
    Alert = 1,

    /// <summary>Opened because a canary contact received a message or was reported (leak attribution).</summary>
    CanaryContact = 2,
}
