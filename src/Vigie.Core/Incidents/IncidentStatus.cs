namespace Vigie.Core.Incidents;

/// <summary>Where an incident stands. The numeric values are stored; never renumber.</summary>
public enum IncidentStatus
{
    /// <summary>Opened; the scope is being established.</summary>
    Open = 0,

    /// <summary>The accounts, sessions or addresses involved are blocked.</summary>
    Contained = 1,

    /// <summary>Declared to the authorities (CNIL, ARS / CERT Santé).</summary>
    Declared = 2,

    /// <summary>Closed: people notified, measures in place.</summary>
    Closed = 3,
}
