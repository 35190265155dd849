namespace Vigie.Storage.Registry;

/// <summary>
/// One regional identity as stored. Names are stored INS-normalised so that search is an index range scan.
/// Multi-valued contact fields are stored as newline-separated text: they are never searched, only disclosed,
/// and a child table per field would cost a join on every read for no query benefit.
/// </summary>
public sealed class IdentityRow
{
    public required string Id { get; set; }
    public required string BirthName { get; set; }
    public required string FirstGivenName { get; set; }
    public required string GivenNames { get; set; }
    public DateOnly BirthDate { get; set; }
    public int Sex { get; set; }
    public string? BirthplaceCode { get; set; }
    public string? UsedName { get; set; }
    public string? Phones { get; set; }
    public string? Emails { get; set; }
    public string? AddressLines { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public int Status { get; set; }
    public int Flags { get; set; }
    public int? InsKind { get; set; }
    public string? InsValue { get; set; }
    public bool Active { get; set; } = true;
    public string? ReplacedById { get; set; }

    /// <summary>Incremented on every change; the FHIR versionId and the optimistic-concurrency token.</summary>
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
