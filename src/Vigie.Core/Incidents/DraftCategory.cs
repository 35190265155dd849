namespace Vigie.Core.Incidents;

/// <summary>One data category in a declaration.</summary>
/// <param name="Code">identite, telephone, courriel or adresse.</param>
/// <param name="Label">The French label.</param>
/// <param name="People">People whose data of this category was disclosed.</param>
/// <param name="Records">Journal entries that disclosed it.</param>
public sealed record DraftCategory(string Code, string Label, int People, int Records);
