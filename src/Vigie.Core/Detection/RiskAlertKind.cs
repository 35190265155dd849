namespace Vigie.Core.Detection;

/// <summary>Why the engine raised an alert.</summary>
public enum RiskAlertKind
{
    /// <summary>A canary identity was about to be disclosed.</summary>
    Canary = 0,

    /// <summary>A session was suspended.</summary>
    SessionSuspended = 1,

    /// <summary>An account was suspended: the professional must be told through another channel.</summary>
    AccountSuspended = 2,

    /// <summary>Several accounts ramped up in the same period: the regional circuit breaker tripped.</summary>
    CircuitBreaker = 3,

    /// <summary>A session was asked to step up and did not: what it received before is suspect.</summary>
    StepUpUnanswered = 4,
}
