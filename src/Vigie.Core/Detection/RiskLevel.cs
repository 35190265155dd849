namespace Vigie.Core.Detection;

/// <summary>The graduated answers of the engine, mildest first.</summary>
public enum RiskLevel
{
    /// <summary>Disclose.</summary>
    Allow = 0,

    /// <summary>Ask for a fresh strong authentication (RFC 9470) before disclosing; an attacker cannot pass it.</summary>
    StepUp = 1,

    /// <summary>Refuse for now (429 with Retry-After): the session's rate is beyond any human's.</summary>
    Throttle = 2,

    /// <summary>The session is suspended until a security officer releases it; the account's other sessions go on.</summary>
    SuspendSession = 3,

    /// <summary>The account is suspended (all its sessions, on every node) until a security officer releases it.</summary>
    SuspendAccount = 4,
}
