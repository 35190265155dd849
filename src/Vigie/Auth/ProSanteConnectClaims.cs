using System.Security.Claims;
using System.Text.Json;
using Vigie.Core.Access;
using Vigie.Core.Identity;

namespace Vigie.Auth;

/// <summary>
/// Reads a Pro Santé Connect shaped token: <c>SubjectNameID</c> is the national id; each
/// <c>SubjectRefPro.exercices[]</c> gives <c>codeProfession</c>, and each of its <c>activities[]</c> the
/// establishment (<c>numeroFinessSite</c>, else <c>numeroFinessEtablissementJuridique</c>) and <c>codeRole</c>.
/// Anything unreadable yields no activity, which the caller refuses: a token is never half-trusted.
/// </summary>
internal static class ProSanteConnectClaims
{
    public static IReadOnlyList<ProfessionalActivity> Activities(ClaimsPrincipal principal)
    {
        var json = principal.FindFirst(VigieClaims.SubjectRefPro)?.Value;
        if (string.IsNullOrEmpty(json) || json.Length > 16 * 1024)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<ProfessionalActivity> Read(JsonElement root)
    {
        var activities = new List<ProfessionalActivity>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("exercices", out var exercices) || exercices.ValueKind != JsonValueKind.Array)
        {
            return activities;
        }

        foreach (var exercice in exercices.EnumerateArray())
        {
            if (exercice.ValueKind != JsonValueKind.Object || !exercice.TryGetProperty("activities", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var profession = Text(exercice, "codeProfession");
            foreach (var activity in list.EnumerateArray())
            {
                var finess = Finess.Parse(Text(activity, "numeroFinessSite") ?? Text(activity, "numeroFinessEtablissementJuridique"));
                if (finess.Success)
                {
                    activities.Add(new ProfessionalActivity(profession, Text(activity, "codeRole"), finess.Value));
                }
            }
        }

        return activities;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The SubjectRefPro object for activities (the built-in provider and `vigie token` write it).</summary>
    public static Dictionary<string, object> Build(IEnumerable<(string? Profession, string? Role, string Finess)> activities) => new(StringComparer.Ordinal)
    {
        ["exercices"] = activities.GroupBy(a => a.Profession ?? "").Select(g => (object)new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["codeProfession"] = g.Key,
            ["activities"] = g.Select(a => (object)new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["numeroFinessSite"] = a.Finess,
                ["codeRole"] = a.Role ?? "",
            }).ToList(),
        }).ToList(),
    };
}
