using System.Text;
using Vigie.Core.Identity;

namespace Vigie.Core.Notices;

/// <summary>
/// The printable letter batch: one HTML document, one A4 page per person (a page break after each), with the
/// recipient's address where a window envelope shows it. Opened in a browser and printed, or printed to PDF by
/// headless Chromium. Every value is HTML-encoded; there is no script and no outside resource.
/// </summary>
public static class LetterRendering
{
    /// <summary>The document's opening, with the print style sheet.</summary>
    public static string Header(NoticeFacts facts, int letters)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Courriers d'information – "
            + NoticeRendering.E(facts.Organisation) + " – " + letters.ToString(System.Globalization.CultureInfo.InvariantCulture) + " lettres</title>\n"
            + "<style>\n@page { size: A4; margin: 18mm 20mm; }\nbody { font-family: serif; font-size: 11pt; line-height: 1.35; }\n"
            + ".page { break-after: page; page-break-after: always; }\n.page:last-child { break-after: auto; page-break-after: auto; }\n"
            + ".expediteur { font-size: 10pt; }\n.destinataire { margin: 12mm 0 12mm 95mm; min-height: 30mm; }\n.date { text-align: right; }\n"
            + "h2 { font-size: 11pt; margin: 4mm 0 1mm; }\np, li { margin: 0 0 2mm; }\n</style></head>\n<body>\n";
    }

    /// <summary>One person's page.</summary>
    public static string Page(NoticeFacts facts, NotificationTarget target, NoticeDocument document, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder("<section class=\"page\">\n<div class=\"expediteur\">");
        html.Append(NoticeRendering.E(facts.Organisation));
        foreach (var line in facts.Dpo.PostalLines)
        {
            html.Append("<br>").Append(NoticeRendering.E(line));
        }

        html.Append("</div>\n<div class=\"destinataire\">").Append(NoticeRendering.E(target.DisplayName));
        foreach (var line in AddressLines(target.Address))
        {
            html.Append("<br>").Append(NoticeRendering.E(line));
        }

        html.Append("</div>\n<p class=\"date\">Le ").Append(NoticeRendering.E(FrenchDates.Long(date))).Append("</p>\n");
        html.Append("<p><strong>Objet :</strong> ").Append(NoticeRendering.E(document.Subject)).Append("</p>\n");
        NoticeRendering.Body(html, document, "h2");
        return html.Append("</section>\n").ToString();
    }

    /// <summary>The document's end.</summary>
    public static string Footer() => "</body></html>\n";

    private static IEnumerable<string> AddressLines(PostalAddress? address)
    {
        if (address is null)
        {
            yield break;
        }

        foreach (var line in address.Lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            yield return line;
        }

        yield return ((address.PostalCode ?? "") + " " + (address.City ?? "")).Trim();
        if (!string.IsNullOrWhiteSpace(address.Country) && address.Country is not ("FR" or "FRA" or "France" or "FRANCE"))
        {
            yield return address.Country;
        }
    }
}
