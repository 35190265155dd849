namespace Vigie.Core.Journal;

/// <summary>Who acted: the professional and the capacity they acted in. Null fields were not known (a failed sign-in).</summary>
/// <param name="ProfessionalId">The professional's identifier (RPPS/ADELI from Pro Santé Connect, or a local account id).</param>
/// <param name="Establishment">The FINESS of the establishment the professional acted for.</param>
/// <param name="Role">The profession or role code the access was granted under.</param>
public sealed record JournalActor(string? ProfessionalId, string? Establishment, string? Role)
{
    /// <summary>No known actor.</summary>
    public static JournalActor Unknown { get; } = new(null, null, null);
}
