using Vigie.Core.Identity;

namespace Vigie.Core.Access;

/// <summary>
/// One activity of a professional as Pro Santé Connect describes it (<c>SubjectRefPro.exercices[].activities[]</c>):
/// the profession of the exercice, and the establishment and role code of the activity.
/// </summary>
/// <param name="ProfessionCode">The profession code (TRE_G15, e.g. "10" physician, "60" nurse), or null.</param>
/// <param name="RoleCode">The activity's role code (e.g. "FON-01"), or null.</param>
/// <param name="Establishment">The establishment FINESS of the activity.</param>
public sealed record ProfessionalActivity(string? ProfessionCode, string? RoleCode, Finess Establishment);
