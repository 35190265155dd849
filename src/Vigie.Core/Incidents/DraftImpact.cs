namespace Vigie.Core.Incidents;

/// <summary>One security criterion in the health-incident declaration (confidentiality, integrity, availability).</summary>
/// <param name="Criterion">The criterion, in French.</param>
/// <param name="Affected">"Oui", "Non constaté" or "À évaluer".</param>
/// <param name="Detail">What supports the answer.</param>
public sealed record DraftImpact(string Criterion, string Affected, string Detail);
