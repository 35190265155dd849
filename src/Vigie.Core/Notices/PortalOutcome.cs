namespace Vigie.Core.Notices;

/// <summary>What the verification portal answered; recorded for the security team without the reference or the visitor.</summary>
public enum PortalOutcome
{
    /// <summary>A reference of a message sent (or being sent): "genuine".</summary>
    Genuine = 1,

    /// <summary>A well-formed reference we never issued: "not genuine" (a forged message, or a typo the check symbol missed).</summary>
    Unknown = 2,

    /// <summary>A reference issued but never sent: the same "not genuine" page, but it can only come from our database or key file.</summary>
    Unsent = 3,

    /// <summary>Refused before any lookup (empty, length, character, check symbol).</summary>
    Malformed = 4,
}
