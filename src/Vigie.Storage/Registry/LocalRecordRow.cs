namespace Vigie.Storage.Registry;

/// <summary>
/// A local patient record (IPP) of one establishment, linked to exactly one regional identity.
/// The traits it was registered with are kept so that linking can be reviewed and undone.
/// </summary>
public sealed class LocalRecordRow
{
    public long Id { get; set; }
    public required string System { get; set; }
    public required string Value { get; set; }
    public required string Finess { get; set; }
    public required string IdentityId { get; set; }

    /// <summary>True when the record was linked to an existing identity by a certain match, not by creating one.</summary>
    public bool LinkedAutomatically { get; set; }

    /// <summary>The match score of an automatic link.</summary>
    public double? LinkScore { get; set; }
    public required string BirthName { get; set; }
    public required string FirstGivenName { get; set; }
    public DateOnly BirthDate { get; set; }
    public int Sex { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}
