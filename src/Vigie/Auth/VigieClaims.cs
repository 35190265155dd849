namespace Vigie.Auth;

/// <summary>
/// Claim names. Pro Santé Connect's own (SubjectNameID, SubjectRefPro) for professionals; Vigie's (vigie_*) for
/// the accounts Pro Santé Connect does not know: establishments' system accounts and security officers.
/// </summary>
internal static class VigieClaims
{
    public const string SubjectNameId = "SubjectNameID";
    public const string SubjectRefPro = "SubjectRefPro";
    public const string Kind = "vigie_kind";
    public const string SystemFiness = "vigie_finess";
    public const string Officer = "vigie_officer";
    public const string KindSystem = "system";
    public const string KindSecurityOfficer = "security-officer";
    public const string Acr = "acr";
    public const string AuthTime = "auth_time";
    public const string SessionId = "sid";
    public const string TokenId = "jti";
    public const string IssuedAt = "iat";
}
