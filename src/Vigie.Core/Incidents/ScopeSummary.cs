namespace Vigie.Core.Incidents;

/// <summary>The counts a declaration needs.</summary>
/// <param name="People">Distinct patients disclosed.</param>
/// <param name="Records">Disclosure entries (one per patient per response).</param>
/// <param name="Categories">People and records per category, in the order identity, phone, email, address.</param>
/// <param name="Accounts">Per account, most records first.</param>
/// <param name="PeopleWithContactData">Patients whose phone, email or address was disclosed.</param>
/// <param name="First">The first disclosure, or null for an empty scope.</param>
/// <param name="Last">The last disclosure, or null for an empty scope.</param>
public sealed record ScopeSummary(
    int People,
    int Records,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<AccountCount> Accounts,
    int PeopleWithContactData,
    DateTimeOffset? First,
    DateTimeOffset? Last);
