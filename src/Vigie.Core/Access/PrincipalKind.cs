namespace Vigie.Core.Access;

/// <summary>Who is behind a token.</summary>
public enum PrincipalKind
{
    /// <summary>A health professional signed in through Pro Santé Connect (or the built-in demo provider).</summary>
    Professional,

    /// <summary>An establishment's system account (its patient administration system), feeding identities.</summary>
    System,

    /// <summary>A regional security officer, who reviews access but does not browse patients.</summary>
    SecurityOfficer,
}
