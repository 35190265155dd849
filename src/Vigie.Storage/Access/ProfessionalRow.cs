namespace Vigie.Storage.Access;

/// <summary>
/// A principal allowed to use the registry in one establishment: a token naming a professional who has no active
/// row for the token's establishment is refused (401). Security officers are regional: their establishment is null.
/// </summary>
public sealed class ProfessionalRow
{
    public long Id { get; set; }

    /// <summary>The national id (8 + RPPS, 0 + ADELI), or "officer:" + name for a security officer.</summary>
    public required string NationalId { get; set; }

    /// <summary>The establishment FINESS; null for a security officer.</summary>
    public string? Finess { get; set; }

    /// <summary>0 professional, 2 security officer (Vigie.Core.Access.PrincipalKind).</summary>
    public int Kind { get; set; }

    /// <summary>The profession code (TRE_G15, e.g. "10"), which the built-in provider puts in its tokens.</summary>
    public string? ProfessionCode { get; set; }

    /// <summary>Functions the establishment assigns (Vigie.Core.Access.Role flags), added to those of the profession.</summary>
    public int Roles { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>
    /// The professional's own email, outside Vigie's sessions: where "was this you?" goes when their account or a
    /// session of theirs is contained. Null when none was registered.
    /// </summary>
    public string? Email { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
