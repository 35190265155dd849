using System.Text;

namespace Vigie.Core.Incidents;

/// <summary>
/// The drafts as Markdown, to read, print or paste into the authorities' forms field by field. Every value is
/// escaped: titles and organisation details are outside input, and Markdown may end up rendered as HTML.
/// </summary>
public static class DeclarationMarkdown
{
    /// <summary>The CNIL draft as Markdown.</summary>
    public static string Render(CnilNotificationDraft draft, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var md = new StringBuilder();
        Heading(md, 1, draft.Title);
        md.Append("> ").Append(Escape(draft.DraftNotice)).Append("\n\n");
        Field(md, "Incident", draft.Incident);
        Field(md, "Type de notification", draft.NotificationType);
        Clock(md, draft.ClockText);

        Heading(md, 2, "1. Organisme et contacts");
        Organisation(md, draft.Organisation);

        Heading(md, 2, "2. Chronologie");
        Field(md, "Date de découverte", When(draft.DetectedAt, zone));
        Field(md, "Début de la violation (première communication établie)", When(draft.BreachStart, zone));
        Field(md, "Fin de la violation (dernière communication établie)", When(draft.BreachEnd, zone));

        Heading(md, 2, "3. Nature de la violation");
        Bullets(md, draft.Nature);
        Field(md, "Circonstances", draft.Circumstances);

        Heading(md, 2, "4. Données et personnes concernées");
        Field(md, "Catégories de personnes", draft.PeopleCategory);
        Field(md, "Nombre de personnes concernées", FrenchText.Number(draft.People));
        Field(md, "Nombre d'enregistrements concernés", FrenchText.Number(draft.Records));
        Categories(md, draft.DataCategories);
        Field(md, "Origine des nombres", draft.CountsNote);

        Heading(md, 2, "5. Conséquences probables");
        Bullets(md, draft.LikelyConsequences);
        Field(md, "Gravité", draft.Severity);

        Heading(md, 2, "6. Mesures prises ou envisagées");
        Field(md, "Mesures prises", "");
        Bullets(md, draft.MeasuresTaken);
        Field(md, "Mesures envisagées", "");
        Bullets(md, draft.MeasuresProposed);

        Heading(md, 2, "7. Information des personnes (article 34)");
        md.Append(Escape(draft.PeopleInformation)).Append("\n\n");
        if (draft.DelayReasons is { } reasons)
        {
            Heading(md, 2, "8. Motifs du retard");
            md.Append(Escape(reasons)).Append("\n\n");
        }

        ToComplete(md, draft.ToComplete);
        return md.ToString();
    }

    /// <summary>The ARS / CERT Santé draft as Markdown.</summary>
    public static string Render(HealthIncidentDraft draft, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var md = new StringBuilder();
        Heading(md, 1, draft.Title);
        md.Append("> ").Append(Escape(draft.DraftNotice)).Append("\n\n");
        Field(md, "Incident", draft.Incident);
        Field(md, "Portail", draft.Portal);
        Clock(md, draft.ClockText);

        Heading(md, 2, "1. Déclarant");
        Organisation(md, draft.Organisation);

        Heading(md, 2, "2. Événement");
        Field(md, "Type d'événement", draft.EventType);
        Field(md, "Date et heure de détection", When(draft.DetectedAt, zone));
        Field(md, "Début (première communication établie)", When(draft.Start, zone));
        Field(md, "Fin (dernière communication établie)", When(draft.End, zone));
        Field(md, "Description", draft.Description);
        Field(md, "Systèmes concernés", "");
        Bullets(md, draft.AffectedSystems);
        Field(md, "Origine présumée", draft.SuspectedOrigin);

        Heading(md, 2, "3. Conséquences");
        Field(md, "Impact sur la prise en charge des patients", draft.PatientCareImpact);
        md.Append("| Critère | Atteint | Précisions |\n|---|---|---|\n");
        foreach (var impact in draft.Impacts)
        {
            md.Append("| ").Append(Escape(impact.Criterion)).Append(" | ").Append(Escape(impact.Affected)).Append(" | ").Append(Escape(impact.Detail)).Append(" |\n");
        }

        md.Append('\n');
        Field(md, "Personnes concernées", FrenchText.Number(draft.People));
        Field(md, "Enregistrements concernés", FrenchText.Number(draft.Records));
        Categories(md, draft.DataCategories);

        Heading(md, 2, "4. Mesures");
        Field(md, "Mesures conservatoires prises", "");
        Bullets(md, draft.MeasuresTaken);
        Field(md, "Mesures prévues", "");
        Bullets(md, draft.MeasuresProposed);

        Heading(md, 2, "5. Autres déclarations et appui");
        Bullets(md, draft.OtherDeclarations);
        Field(md, "Appui souhaité du CERT Santé", draft.SupportRequested);
        ToComplete(md, draft.ToComplete);
        return md.ToString();
    }

    /// <summary>
    /// Backslash-escapes the characters that make Markdown structure or raw HTML (CommonMark renders an escaped
    /// "&lt;" as text), and folds line breaks so a value cannot start a heading or a list.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '&' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }

    private static void Heading(StringBuilder md, int level, string text) => md.Append('#', level).Append(' ').Append(Escape(text)).Append("\n\n");

    private static void Field(StringBuilder md, string label, string value)
    {
        md.Append("**").Append(Escape(label)).Append("**");
        md.Append(value.Length == 0 ? "\n\n" : " : " + Escape(value) + "\n\n");
    }

    private static void Clock(StringBuilder md, string text) => md.Append("**Délai de 72 heures** : ").Append(Escape(text)).Append("\n\n");

    private static void Bullets(StringBuilder md, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            md.Append("- ").Append(Escape(line)).Append('\n');
        }

        md.Append('\n');
    }

    private static void Organisation(StringBuilder md, OrganisationProfile o)
    {
        Field(md, "Organisme", o.Name);
        Field(md, "SIREN", o.Siren);
        Field(md, "FINESS", o.Finess);
        Field(md, "Adresse", o.Address);
        Field(md, "Région", o.Region);
        Field(md, "Délégué à la protection des données", Contact(o.Dpo));
        Field(md, "Responsable de la sécurité des systèmes d'information", Contact(o.SecurityOfficer));
    }

    private static string Contact(ContactPoint c) => string.Join(", ", new[] { c.Name, c.Email, c.Phone, c.Address }.Where(v => !string.IsNullOrWhiteSpace(v)));

    private static void Categories(StringBuilder md, IReadOnlyList<DraftCategory> categories)
    {
        md.Append("| Catégorie de données | Personnes | Enregistrements |\n|---|---:|---:|\n");
        foreach (var c in categories)
        {
            md.Append("| ").Append(Escape(c.Label)).Append(" | ").Append(FrenchText.Number(c.People)).Append(" | ").Append(FrenchText.Number(c.Records)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void ToComplete(StringBuilder md, IReadOnlyList<string> items)
    {
        Heading(md, 2, "À compléter avant dépôt");
        Bullets(md, items);
    }

    private static string When(DateTimeOffset? time, TimeZoneInfo zone) =>
        time is { } t ? FrenchText.DateTime(t, zone) + " (" + FrenchText.ZoneName(zone) + ")" : "non établie";
}
