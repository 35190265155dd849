using System.Globalization;
using System.Text;
using Vigie.Core.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// The affected people as CSV (semicolon-separated, UTF-8 with BOM: what a French spreadsheet opens as is). It says
/// which channels are available, not the contacts themselves: the list circulates among the team, the contacts
/// are only needed by the notification run. Cells are guarded against formula injection: a cell that starts with
/// = + - @ (or a tab or carriage return) is prefixed with an apostrophe, so a spreadsheet shows it as text.
/// </summary>
internal static class AffectedCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "identifiant", "nom_naissance", "nom_usage", "prenoms", "date_naissance", "categories_exposees", "canaux_disponibles",
        "premiere_communication", "derniere_communication", "identifiants_journalises", "identite_trouvee",
    ];

    public static string Render(IReadOnlyList<AffectedPerson> people)
    {
        var csv = new StringBuilder("\uFEFF");
        Line(csv, Header);
        foreach (var p in people)
        {
            Line(csv,
            [
                p.Patient.Value, p.BirthName, p.UsedName ?? "", p.GivenNames,
                p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                FrenchText.CategoryCodes(p.Categories), Channels(p.Channels),
                Time(p.FirstDisclosure), Time(p.LastDisclosure),
                string.Join(' ', p.DisclosedAs.Select(d => d.Value)), p.Found ? "oui" : "non",
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One cell, guarded and quoted as needed.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>"courriel+sms+courrier", or "aucun".</summary>
    public static string Channels(ContactChannels channels) =>
        string.Join('+', new[] { (ContactChannels.Email, "courriel"), (ContactChannels.Sms, "sms"), (ContactChannels.Post, "courrier") }
            .Where(c => channels.HasFlag(c.Item1)).Select(c => c.Item2)) is { Length: > 0 } text ? text : "aucun";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
}
