using Vigie.Core.Access;
using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Access;

internal static class AccessTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Finess Chu = new("590780193");
    public static readonly Finess Other = new("620100685");

    public static AccessPrincipal Professional(Role roles, string? acr = "eidas1", TimeSpan? authAge = null, params Finess[] establishments) =>
        new(PrincipalKind.Professional, "810001234565", establishments.Length == 0 ? [Chu] : establishments, roles,
            new AuthenticationInfo(acr, Now - (authAge ?? TimeSpan.Zero), Now - (authAge ?? TimeSpan.Zero)));

    public static AccessPrincipal SystemAccount() =>
        new(PrincipalKind.System, "system:" + Chu.Value, [Chu], Role.None, new AuthenticationInfo(null, null, Now));

    public static AccessPrincipal Officer() =>
        new(PrincipalKind.SecurityOfficer, "officer:alice", [], Role.SecurityOfficer, new AuthenticationInfo("eidas1", Now, Now));
}
