namespace Vigie.Core.Access;

/// <summary>What a new sign-in must give (RFC 9470): an acr at least as strong and/or an auth_time this recent.</summary>
/// <param name="Acr">The acr value to ask for, or null when only freshness is needed.</param>
/// <param name="MaxAge">The greatest accepted age of the authentication, or null when only the acr matters.</param>
public sealed record StepUpRequirement(string? Acr, TimeSpan? MaxAge);
