namespace Vigie.Dashboard;

/// <summary>
/// The dashboard's one style sheet and one script, served by this process (no CDN, nothing inline, so the CSP can
/// forbid inline code). The script only refreshes the live alert table; every page works without it.
/// </summary>
internal static class DashboardAssets
{
    public const string Css = """
        :root { color-scheme: light; --texte: #161616; --bleu: #000091; --rouge: #ce0500; --vert: #18753c; --orange: #b34000; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: var(--texte); background: #f6f6f6; }
        header { background: #fff; border-bottom: 1px solid #ddd; padding: 0.5rem 1.5rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 2rem; }
        .site { font-weight: 700; margin: 0; }
        .site a { text-decoration: none; color: var(--bleu); }
        .session { margin-left: auto; display: flex; gap: 0.75rem; align-items: center; }
        .session form { margin: 0; }
        .session button { margin: 0; padding: 0.3rem 0.8rem; }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
        nav a { display: inline-block; padding: 0.25rem 0; }
        nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--bleu); }
        main { max-width: 72rem; margin: 1rem auto; padding: 1rem 1.5rem; background: #fff; border: 1px solid #ddd; }
        footer { max-width: 72rem; margin: 0 auto 2rem; padding: 0 1.5rem; font-size: 0.9rem; color: #555; }
        a { color: var(--bleu); }
        a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible, main:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
        .evitement { position: absolute; left: -999rem; }
        .evitement:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 10; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        th { background: #eef; }
        td.nombre, th.nombre { text-align: right; font-variant-numeric: tabular-nums; }
        .cartes { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; margin: 1rem 0; padding: 0; list-style: none; }
        .cartes li { border: 1px solid #ddd; border-left: 6px solid var(--bleu); padding: 0.5rem 1rem; background: #fafaff; }
        .cartes strong { display: block; font-size: 1.8rem; }
        .etat { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 4px; font-weight: 600; }
        .etat-suspendu { background: #ffe9e9; color: var(--rouge); }
        .etat-actif { background: #e6feda; color: var(--vert); }
        .niveau-suspend-account, .niveau-suspend-session { color: var(--rouge); font-weight: 600; }
        .niveau-throttle, .niveau-step-up { color: var(--orange); font-weight: 600; }
        label { display: block; font-weight: 600; margin-top: 0.5rem; }
        input[type="text"] { font: inherit; padding: 0.4rem; border: 2px solid #666; border-radius: 4px; width: min(30rem, 100%); }
        button { margin-top: 0.5rem; font: inherit; font-weight: 600; padding: 0.5rem 1rem; color: #fff; background: var(--bleu); border: 0; border-radius: 4px; cursor: pointer; }
        .actions { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-end; }
        .resultat, .erreur { border-left: 6px solid; padding: 0.5rem 1rem; margin: 1rem 0; }
        .succes { border-color: var(--vert); background: #e6feda; }
        .erreur { border-color: var(--rouge); background: #ffe9e9; }
        .graphique { overflow-x: auto; }
        .graphique svg { max-width: 100%; height: auto; }
        pre { white-space: pre-wrap; background: #f4f4f4; padding: 0.75rem; border: 1px solid #ddd; }
        .discret { color: #555; font-size: 0.9rem; }
        """;

    /// <summary>
    /// Live alerts: every 5 s, the table body is fetched again from the server (already encoded HTML) and replaced,
    /// and a polite live region says how many alerts are shown. A button pauses it (keyboard and screen readers).
    /// </summary>
    public const string Js = """
        "use strict";
        (function () {
          var body = document.getElementById("alertes-lignes");
          var toggle = document.getElementById("alertes-pause");
          var status = document.getElementById("alertes-etat");
          if (!body || !toggle || !status) { return; }
          var paused = false;
          toggle.hidden = false;
          toggle.addEventListener("click", function () {
            paused = !paused;
            toggle.textContent = paused ? "Reprendre l'actualisation" : "Mettre en pause l'actualisation";
            toggle.setAttribute("aria-pressed", paused ? "true" : "false");
          });
          function refresh() {
            if (paused) { return; }
            fetch(body.getAttribute("data-source"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
              .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
              .then(function (html) {
                if (html !== body.innerHTML) {
                  body.innerHTML = html;
                  status.textContent = body.rows.length + " alerte(s) affichée(s), mise à jour " + new Date().toLocaleTimeString("fr-FR");
                }
              })
              .catch(function () { status.textContent = "Actualisation impossible pour le moment."; });
          }
          window.setInterval(refresh, 5000);
        })();
        """;
}
