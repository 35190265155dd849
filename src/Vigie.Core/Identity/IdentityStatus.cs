namespace Vigie.Core.Identity;

/// <summary>
/// The identity statuses of the French identitovigilance reference (RNIV).
/// Only <see cref="Qualified"/> may carry an INS number.
/// </summary>
public enum IdentityStatus
{
    /// <summary>PROV: provisional, traits declared without a high-trust document.</summary>
    Provisional = 0,
    /// <summary>VALI: validated against a high-trust identity document, INS not retrieved.</summary>
    Validated = 1,
    /// <summary>RECUP: INS retrieved from the INSi teleservice, identity not yet checked against a document.</summary>
    Recovered = 2,
    /// <summary>QUAL: INS retrieved and identity validated: the only status under which the INS may be shared.</summary>
    Qualified = 3,
}

/// <summary>Codes used on the wire (FHIR extension and CLI) for <see cref="IdentityStatus"/>.</summary>
public static class IdentityStatusCodes
{
    /// <summary>The RNIV code (PROV, VALI, RECUP, QUAL).</summary>
    public static string ToCode(this IdentityStatus status) => status switch
    {
        IdentityStatus.Provisional => "PROV",
        IdentityStatus.Validated => "VALI",
        IdentityStatus.Recovered => "RECUP",
        IdentityStatus.Qualified => "QUAL",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses an RNIV code, case-sensitively as the reference writes them.</summary>
    public static ParseResult<IdentityStatus> Parse(string? code) => code switch
    {
        "PROV" => ParseResult<IdentityStatus>.Ok(IdentityStatus.Provisional),
        "VALI" => ParseResult<IdentityStatus>.Ok(IdentityStatus.Validated),
        "RECUP" => ParseResult<IdentityStatus>.Ok(IdentityStatus.Recovered),
        "QUAL" => ParseResult<IdentityStatus>.Ok(IdentityStatus.Qualified),
        _ => ParseResult<IdentityStatus>.Fail("identity status must be one of PROV, VALI, RECUP, QUAL"),
    };
}
