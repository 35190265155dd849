namespace Vigie.Core.Incidents;

/// <summary>What one account received within a scope.</summary>
/// <param name="Account">The actor id, or null for entries without one.</param>
/// <param name="People">Distinct patients disclosed to it.</param>
/// <param name="Records">Disclosure entries.</param>
/// <param name="First">Its first disclosure in scope.</param>
/// <param name="Last">Its last disclosure in scope.</param>
public sealed record AccountCount(string? Account, int People, int Records, DateTimeOffset First, DateTimeOffset Last);
