namespace Vigie.Core.Access;

/// <summary>The decision on reading one patient: whether, under break-the-glass or not, and which contact data.</summary>
/// <param name="Decision">Allow or refusal.</param>
/// <param name="BreakTheGlass">True when the read is allowed only because a purpose was declared: it is recorded for review.</param>
/// <param name="Contact">The contact categories the principal may see (the host discloses those the patient has).</param>
public sealed record ReadDecision(AccessDecision Decision, bool BreakTheGlass, ContactCategories Contact);
