namespace Vigie.Portal;

/// <summary>The portal's one style sheet, served from this site (the CSP allows no inline style and no outside source).</summary>
internal static class PortalStyle
{
    public const string Css = """
        :root { color-scheme: light; --texte: #161616; --bleu: #000091; --rouge: #ce0500; --vert: #18753c; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: var(--texte); background: #fff; }
        header, main, footer { max-width: 44rem; margin: 0 auto; padding: 1rem; }
        header { border-bottom: 1px solid #ddd; }
        .site { font-weight: 700; margin: 0; }
        footer { border-top: 1px solid #ddd; font-size: 0.95rem; }
        a { color: var(--bleu); }
        a:focus, button:focus, input:focus, textarea:focus, select:focus, main:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
        .evitement { position: absolute; left: -999rem; }
        .evitement:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
        label { display: block; font-weight: 600; margin-top: 1rem; }
        .aide { margin: 0.25rem 0; color: #555; font-size: 0.95rem; }
        input, textarea, select { display: block; width: 100%; font: inherit; padding: 0.5rem; border: 2px solid #666; border-radius: 4px; }
        input[aria-invalid="true"] { border-color: var(--rouge); }
        button { margin-top: 1rem; font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; color: #fff; background: var(--bleu); border: 0; border-radius: 4px; cursor: pointer; }
        .resultat, .erreur { border-left: 6px solid; padding: 0.5rem 1rem; margin: 1rem 0; }
        .authentique { border-color: var(--vert); background: #e6feda; }
        .suspect, .erreur { border-color: var(--rouge); background: #ffe9e9; }
        """;
}
