using System.Text;
using System.Text.Json;
using Vigie.Core.Incidents;

namespace Vigie.Incidents;

/// <summary>The files an incident produces, with fixed names, written whole to a temporary name and then moved into place.</summary>
internal static class IncidentFiles
{
    public const string CnilMarkdown = "cnil-notification-art33.md";
    public const string HealthMarkdown = "ars-cert-sante-declaration.md";
    public const string DeclarationsJson = "declarations.json";
    public const string Report = "report.html";
    public const string Affected = "affected.csv";
    public const string Scope = "scope.json";

    public static async Task<IReadOnlyList<string>> WriteDeclarationsAsync(string directory, DeclarationSet set, TimeZoneInfo zone, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await WriteAsync(directory, CnilMarkdown, DeclarationMarkdown.Render(set.Cnil, zone), ct).ConfigureAwait(false);
        await WriteAsync(directory, HealthMarkdown, DeclarationMarkdown.Render(set.HealthIncident, zone), ct).ConfigureAwait(false);
        await WriteAsync(directory, DeclarationsJson, JsonSerializer.Serialize(IncidentWorkflow.Declarations(set, zone), IncidentJson.Options), ct).ConfigureAwait(false);
        return [CnilMarkdown, HealthMarkdown, DeclarationsJson];
    }

    public static async Task WriteAsync(string directory, string name, string text, CancellationToken ct, bool bom = false)
    {
        var path = Path.Combine(directory, name);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(bom), ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
