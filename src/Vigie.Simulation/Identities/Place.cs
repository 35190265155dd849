namespace Vigie.Simulation.Identities;

/// <summary>
/// A commune or a foreign country: its INSEE code (the birthplace trait), its name and, for a French commune,
/// the postal code used in addresses. Weights are roughly population in thousands.
/// </summary>
internal sealed record Place(string Code, string Name, string? PostalCode, int Weight)
{
    /// <summary>The département part of the code ("59", "2A"), or "99" abroad.</summary>
    public string Department { get; } = Code[..2];

    /// <summary>The place's position among all places the generator knows, for dense per-place tables.</summary>
    public int Ordinal { get; init; }
}
