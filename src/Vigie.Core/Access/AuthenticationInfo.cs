namespace Vigie.Core.Access;

/// <summary>How and when the principal authenticated, as the token states it (OIDC <c>acr</c>, <c>auth_time</c>).</summary>
/// <param name="Acr">The authentication context class reference, e.g. "eidas1" for a CPS card or e-CPS; null when absent.</param>
/// <param name="AuthTime">When the user last actively authenticated; null when the token does not say.</param>
/// <param name="IssuedAt">When the token was issued.</param>
public sealed record AuthenticationInfo(string? Acr, DateTimeOffset? AuthTime, DateTimeOffset IssuedAt);
