using System.Globalization;
using System.Text;
using Vigie.Core.Notices;
using static Vigie.Core.Notices.HtmlText;

namespace Vigie.Portal;

/// <summary>
/// The portal's pages, server-rendered in French. Every value placed in a page goes through
/// <see cref="HtmlText.Encode"/>; what a visitor typed is never written back into a page.
/// </summary>
internal static class PortalPages
{
    // A well-formed example, so that the hint shows the real shape (it is in no message).
    private static readonly string Example = VerificationReference.FromEntropy([0x3A, 0x9E, 0x21, 0xD4, 0x77, 0x0B, 0xC2, 0x58, 0xE6, 0x13]).ToString();

    public static PortalPage VerifyForm(ReferenceProblem problem = ReferenceProblem.None)
    {
        var error = problem switch
        {
            ReferenceProblem.None => null,
            ReferenceProblem.Empty => "Saisissez la référence qui figure dans le message.",
            ReferenceProblem.Length => "Une référence compte 17 lettres et chiffres, sans compter les tirets : vérifiez que vous l'avez recopiée en entier.",
            ReferenceProblem.Character => "Une référence ne contient que des lettres et des chiffres (jamais la lettre U).",
            _ => "Cette référence contient une faute de frappe : vérifiez chaque caractère (0 et O, 1 et I se valent).",
        };
        var body = new StringBuilder("<h1>Vérifier un message</h1>\n");
        body.Append("<p>Vous avez reçu un courriel, un SMS ou un courrier qui dit venir de nous ? Saisissez la référence qui y figure : nous vous dirons si nous l'avons envoyé.</p>\n");
        if (error is not null)
        {
            body.Append("<div class=\"erreur\" role=\"alert\" id=\"erreur-reference\"><p>").Append(Encode(error)).Append("</p></div>\n");
        }

        body.Append("<form method=\"post\" action=\"/verifier\">\n<label for=\"reference\">Référence du message</label>\n");
        body.Append("<p class=\"aide\" id=\"aide-reference\">17 lettres et chiffres, par exemple ").Append(Encode(Example)).Append(". Les tirets, les espaces et les majuscules sont facultatifs.</p>\n");
        body.Append("<input id=\"reference\" name=\"reference\" type=\"text\" inputmode=\"text\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"64\" required aria-describedby=\"aide-reference");
        body.Append(error is null ? "\">\n" : " erreur-reference\" aria-invalid=\"true\">\n");
        body.Append("<button type=\"submit\">Vérifier</button>\n</form>\n");
        body.Append("<p>Aucune connexion n'est nécessaire : ce site ne vous demandera jamais d'identifiant ni de mot de passe.</p>\n");
        return Page(error is null ? 200 : 400, error is null ? "Vérifier un message" : "Référence mal formée", body.ToString());
    }

    public static PortalPage Genuine(NoticeChannel channel, string? mask, DateTimeOffset? sentAt)
    {
        var body = new StringBuilder("<h1>Ce message est authentique</h1>\n<div class=\"resultat authentique\" role=\"status\"><p>");
        body.Append(Encode("Nous vous avons bien envoyé un message portant cette référence" + When(sentAt) + ", " + How(channel, mask) + "."));
        body.Append("</p></div>\n<p>Ce message vous informe d'un incident de sécurité. Vous n'avez rien à faire, sinon rester vigilant.</p>\n");
        body.Append("<p>Nous ne vous demanderons jamais votre mot de passe, vos coordonnées bancaires ni des informations sur votre santé. ");
        body.Append("Si le message que vous avez reçu vous demande cela, ou ne correspond pas à cette description, c'est une imitation : signalez-le.</p>\n");
        body.Append(ReportButton()).Append("<p><a href=\"/verifier\">Vérifier une autre référence</a></p>\n");
        return Page(200, "Message authentique", body.ToString());
    }

    public static PortalPage NotGenuine()
    {
        var body = new StringBuilder("<h1>Nous n'avons envoyé aucun message avec cette référence</h1>\n");
        body.Append("<div class=\"resultat suspect\" role=\"alert\"><p>Ce message ne vient pas de nous, ou sa référence a été mal recopiée. S'il vous demande quelque chose, considérez-le comme une tentative d'hameçonnage.</p></div>\n");
        body.Append("<h2>Que faire ?</h2>\n<ul>\n");
        body.Append("<li>Ne cliquez sur aucun lien, n'ouvrez aucune pièce jointe et ne rappelez pas le numéro indiqué.</li>\n");
        body.Append("<li>Ne donnez ni mot de passe, ni coordonnées bancaires, ni informations sur votre santé.</li>\n");
        body.Append("<li>Si vous avez déjà donné des coordonnées bancaires, prévenez votre banque sans attendre.</li>\n");
        body.Append("<li>Transférez un SMS frauduleux au 33700. Pour être aidé, consultez cybermalveillance.gouv.fr.</li>\n</ul>\n");
        body.Append(ReportButton()).Append("<p><a href=\"/verifier\">Vérifier une autre référence</a></p>\n");
        return Page(200, "Message non reconnu", body.ToString());
    }

    public static PortalPage ReportForm(string? error = null, int status = 200)
    {
        var body = new StringBuilder("<h1>Signaler un message suspect</h1>\n");
        body.Append("<p>Vous avez reçu un courriel, un SMS, un appel ou un courrier qui semble se faire passer pour nous ? Transmettez-le à notre équipe de sécurité : ");
        body.Append("cela nous aide à repérer les campagnes d'hameçonnage et à prévenir les autres personnes.</p>\n");
        body.Append("<p>Ne recopiez jamais un mot de passe, un code ou des coordonnées bancaires dans ce formulaire.</p>\n");
        if (error is not null)
        {
            body.Append("<div class=\"erreur\" role=\"alert\"><p>").Append(Encode(error)).Append("</p></div>\n");
        }

        body.Append("<form method=\"post\" action=\"/signaler\">\n");
        body.Append("<label for=\"type\">Type de message</label>\n<select id=\"type\" name=\"type\">\n");
        foreach (var (value, label) in Media)
        {
            body.Append("<option value=\"").Append(value).Append("\">").Append(Encode(label)).Append("</option>\n");
        }

        body.Append("</select>\n");
        body.Append("<label for=\"expediteur\">Expéditeur (adresse, numéro ou nom affiché)</label>\n");
        body.Append(CultureInfo.InvariantCulture, $"<input id=\"expediteur\" name=\"expediteur\" type=\"text\" maxlength=\"{SuspiciousMessage.MaxSender}\" autocomplete=\"off\" spellcheck=\"false\">\n");
        body.Append("<label for=\"texte\">Texte du message</label>\n");
        body.Append("<p class=\"aide\" id=\"aide-texte\">Copiez-collez le message entier (")
            .Append(SuspiciousMessage.MaxText.ToString("N0", CultureInfo.InvariantCulture).Replace(",", "\u202F", StringComparison.Ordinal)).Append(" caractères au plus).</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<textarea id=\"texte\" name=\"texte\" rows=\"10\" required maxlength=\"{SuspiciousMessage.MaxText}\" aria-describedby=\"aide-texte\"></textarea>\n");
        body.Append("<label for=\"entetes\">En-têtes du courriel (facultatif)</label>\n");
        body.Append("<p class=\"aide\" id=\"aide-entetes\">Dans votre messagerie, choisissez « Afficher l'original » ou « Afficher la source », puis copiez le début jusqu'à la première ligne vide.</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<textarea id=\"entetes\" name=\"entetes\" rows=\"6\" maxlength=\"{SuspiciousMessage.MaxHeaders}\" aria-describedby=\"aide-entetes\"></textarea>\n");
        body.Append("<button type=\"submit\">Envoyer le signalement</button>\n</form>\n");
        return Page(status, error is null ? "Signaler un message" : "Signalement incomplet", body.ToString());
    }

    public static PortalPage Reported() => Page(200, "Signalement transmis",
        "<h1>Merci</h1>\n<div class=\"resultat authentique\" role=\"status\"><p>Votre signalement a été transmis à notre équipe de sécurité.</p></div>\n"
        + "<p>Supprimez le message suspect. Si vous avez cliqué sur un lien ou donné des informations, changez le mot de passe concerné et, pour des coordonnées bancaires, prévenez votre banque.</p>\n"
        + "<p><a href=\"/verifier\">Vérifier un message</a></p>\n");

    public static PortalPage TooLarge(int limit) => Page(413, "Message trop volumineux",
        "<h1>Message trop volumineux</h1>\n<div class=\"erreur\" role=\"alert\"><p>"
        + Encode(string.Create(CultureInfo.InvariantCulture, $"Ce que vous avez envoyé dépasse {limit / 1024} Kio. Raccourcissez le texte ou retirez les en-têtes, puis réessayez."))
        + "</p></div>\n<p><a href=\"/signaler\">Revenir au formulaire</a></p>\n");

    public static PortalPage NotAForm() => Page(415, "Formulaire attendu",
        "<h1>Formulaire attendu</h1>\n<div class=\"erreur\" role=\"alert\"><p>Envoyez cette page depuis le formulaire du site.</p></div>\n<p><a href=\"/verifier\">Vérifier un message</a></p>\n");

    public static PortalPage CrossSite() => Page(403, "Envoi refusé",
        "<h1>Envoi refusé</h1>\n<div class=\"erreur\" role=\"alert\"><p>Ce formulaire doit être envoyé depuis ce site, pas depuis un autre.</p></div>\n<p><a href=\"/verifier\">Vérifier un message</a></p>\n");

    public static PortalPage TooManyRequests(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return Page(429, "Trop de demandes",
            "<h1>Trop de demandes</h1>\n<div class=\"erreur\" role=\"alert\"><p>"
            + Encode(string.Create(CultureInfo.InvariantCulture, $"Trop de demandes ont été faites depuis votre connexion. Réessayez dans {minutes} minute{(minutes > 1 ? "s" : "")}."))
            + "</p></div>\n");
    }

    internal static readonly (string Value, string Label)[] Media =
        [("courriel", "Courriel"), ("sms", "SMS"), ("appel", "Appel téléphonique"), ("courrier", "Courrier"), ("autre", "Autre")];

    private static string ReportButton() =>
        "<form method=\"get\" action=\"/signaler\" class=\"signaler\"><button type=\"submit\">Signaler ce message</button></form>\n";

    private static string When(DateTimeOffset? sentAt) =>
        sentAt is { } at ? ", le " + FrenchDates.Long(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Paris).DateTime)) : "";

    private static string How(NoticeChannel channel, string? mask) => channel switch
    {
        NoticeChannel.Email when mask is { Length: > 2 } => "par courriel, à une adresse dont la partie avant « @ » se termine par « " + mask[1..^1] + " »",
        NoticeChannel.Email => "par courriel",
        NoticeChannel.Sms when mask is { Length: > 1 } => "par SMS, au numéro se terminant par " + mask[1..],
        NoticeChannel.Sms => "par SMS",
        _ => "par courrier postal",
    };

    private static readonly TimeZoneInfo Paris = FindParis();

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // No time zone data on this machine: dates in UTC (at most one day off around midnight).
        }
    }

    private static PortalPage Page(int status, string title, string main) => new(status,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + Encode(title) + " – Vigie</title>\n<link rel=\"stylesheet\" href=\"/portail.css\">\n</head>\n<body>\n"
        + "<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>\n<header><p class=\"site\">Vigie — vérification des messages</p></header>\n"
        + "<main id=\"contenu\" tabindex=\"-1\">\n" + main + "</main>\n"
        + "<footer><nav aria-label=\"Pages du site\"><a href=\"/verifier\">Vérifier un message</a> · <a href=\"/signaler\">Signaler un message suspect</a></nav>"
        + "<p>Ce site ne vous demande jamais de vous connecter, ni votre mot de passe, ni vos coordonnées bancaires.</p></footer>\n</body>\n</html>\n");
}
