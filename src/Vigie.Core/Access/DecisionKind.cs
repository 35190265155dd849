namespace Vigie.Core.Access;

/// <summary>The shape of a refusal, which decides the HTTP answer.</summary>
public enum DecisionKind
{
    /// <summary>Go ahead.</summary>
    Allow,

    /// <summary>The request itself is not acceptable (too broad a search): 400 or 422, "refine the search".</summary>
    Refine,

    /// <summary>The principal may not do this: 403.</summary>
    Forbid,

    /// <summary>Allowed only with a declared break-the-glass purpose: 403 saying how to declare one.</summary>
    NeedsPurpose,

    /// <summary>Allowed after a stronger or fresher sign-in: 401 insufficient_user_authentication (RFC 9470).</summary>
    StepUp,
}
