using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>How many people and records a scope exposed for one data category.</summary>
/// <param name="Category">One category (identity, phone, email or address).</param>
/// <param name="People">Patients for whom at least one entry disclosed it.</param>
/// <param name="Records">Journal entries that disclosed it.</param>
public sealed record CategoryCount(DisclosedData Category, int People, int Records);
