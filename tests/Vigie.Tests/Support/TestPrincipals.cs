using Vigie.Core.Access;

namespace Vigie.Tests.Support;

/// <summary>The professionals every test server seeds (national ids with valid RPPS check digits).</summary>
public static class TestPrincipals
{
    /// <summary>Admission desk at the CHU: registers patients, sees contact data on reads.</summary>
    public const string Admission = "810001234565";

    /// <summary>Physician (profession 10) at the CHU: searches and reads, no contact data.</summary>
    public const string Physician = "810007654329";

    /// <summary>Identity-vigilance officer active in both establishments: merges, batches.</summary>
    public const string Vigilance = "810009998880";

    /// <summary>Nurse (profession 60) at the other establishment.</summary>
    public const string Nurse = "810005554448";

    /// <summary>A regional security officer.</summary>
    public const string Officer = "alice";

    public static readonly (string Id, string Finess, string? Profession, Role Roles, string Name)[] Seeded =
    [
        (Admission, VigieTestServer.Finess, null, Role.Admission, "Agent d'admission"),
        (Physician, VigieTestServer.Finess, "10", Role.None, "Dr Médecin"),
        (Vigilance, VigieTestServer.Finess, null, Role.IdentityVigilance, "Référent identitovigilance"),
        (Vigilance, VigieTestServer.OtherFiness, null, Role.IdentityVigilance, "Référent identitovigilance"),
        (Nurse, VigieTestServer.OtherFiness, "60", Role.None, "Infirmière"),
    ];
}
