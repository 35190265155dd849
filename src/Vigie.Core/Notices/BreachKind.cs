namespace Vigie.Core.Notices;

/// <summary>The nature of the breach, printed as a fixed French sentence.</summary>
public enum BreachKind
{
    /// <summary>Usurped professional accounts were used to consult the registry (the September 2025 pattern).</summary>
    UsurpedProfessionalAccounts,

    /// <summary>Any other unauthorised access to the registry.</summary>
    UnauthorisedAccess,
}
