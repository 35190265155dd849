using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Vigie.Auth;
using Vigie.Portal;

namespace Vigie.Dashboard;

/// <summary>
/// A dashboard answer: a whole French HTML page (skip link, navigation, main landmark) with the portal's security
/// headers and a Content-Security-Policy that allows this site's style sheet and script file and nothing inline.
/// Every text from data goes through <see cref="Encode"/>.
/// </summary>
internal sealed class DashboardPage(int status, string title, string body, string? section = null) : IResult
{
    public const string Root = "/tableau-de-bord";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly (string Section, string Path, string Label)[] Sections =
    [
        ("accueil", Root, "Accueil"),
        ("alertes", Root + "/alertes", "Alertes"),
        ("comptes", Root + "/comptes", "Comptes"),
        ("incidents", Root + "/incidents", "Incidents"),
        ("journal", Root + "/journal", "Journal"),
        ("doublons", Root + "/doublons", "File de doublons"),
    ];

    public DashboardPage(string title, string body, string section)
        : this(StatusCodes.Status200OK, title, body, section)
    {
    }

    public int Status => status;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static DashboardPage Refusal(int status, string title, string message) =>
        new(status, title, "<h1>" + Encode(title) + "</h1>\n<p class=\"erreur\" role=\"alert\">" + Encode(message) + "</p>\n");

    public static DashboardPage NotFound(string message) => Refusal(StatusCodes.Status404NotFound, "Introuvable", message);

    /// <summary>A POST form to this site with its antiforgery field; <paramref name="fields"/> is already encoded HTML.</summary>
    public static string Form(HttpContext http, string action, string fields, string button, string? css = null)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return string.Create(CultureInfo.InvariantCulture,
            $"<form method=\"post\" action=\"{Encode(action)}\"{(css is null ? "" : " class=\"" + css + "\"")}><input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">{fields}<button type=\"submit\">{Encode(button)}</button></form>");
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var html = Render(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        PortalPage.SecurityHeaders(response.Headers);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted).ConfigureAwait(false);
    }

    private string Render(HttpContext http)
    {
        var html = new StringBuilder("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(title)).Append(" — Vigie, tableau de bord de sécurité</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"").Append(Root).Append("/tableau.css\">\n<script src=\"").Append(Root).Append("/tableau.js\" defer></script>\n</head>\n<body>\n");
        html.Append("<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>\n<header>\n<p class=\"site\"><a href=\"").Append(Root).Append("\">Vigie — sécurité des identités</a></p>\n");
        if (http.AccessPrincipalOrNull() is { } principal)
        {
            html.Append("<div class=\"session\"><span>Connecté : ").Append(Encode(principal.Subject)).Append("</span> ");
            html.Append(Form(http, "/idp/signout", "", "Se déconnecter", "deconnexion")).Append("</div>\n");
        }

        html.Append("<nav aria-label=\"Sections\"><ul>\n");
        foreach (var (name, path, label) in Sections)
        {
            html.Append("<li><a href=\"").Append(path).Append('"').Append(name == section ? " aria-current=\"page\"" : "").Append('>').Append(label).Append("</a></li>\n");
        }

        html.Append("<li><a href=\"/verifier\">Portail : vérifier un message</a></li>\n<li><a href=\"/signaler\">Portail : signaler un message</a></li>\n</ul></nav>\n</header>\n");
        html.Append("<main id=\"contenu\" tabindex=\"-1\">\n").Append(body).Append("</main>\n");
        html.Append("<footer><p>Vigie — serveur régional d'identité patient. Chaque consultation de données de patients est inscrite au journal d'accès.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }
}
