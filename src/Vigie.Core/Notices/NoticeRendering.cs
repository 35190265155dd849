using System.Text;

namespace Vigie.Core.Notices;

/// <summary>
/// Renders a <see cref="NoticeDocument"/> as a plain-text email body and as a simple HTML email body. The HTML has
/// no link, form, script, image or style sheet, and every value in it is HTML-encoded.
/// </summary>
public static class NoticeRendering
{
    private const int Width = 76;

    /// <summary>The plain-text body, wrapped at 76 columns.</summary>
    public static string PlainText(NoticeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        text.Append(document.Greeting).Append("\n\n");
        foreach (var section in document.Sections)
        {
            if (section.Heading is not null)
            {
                text.Append(section.Heading).Append('\n').Append(new string('-', section.Heading.Length)).Append("\n\n");
            }

            foreach (var paragraph in section.Paragraphs)
            {
                Wrap(text, paragraph, "", "");
                text.Append('\n');
            }

            foreach (var bullet in section.Bullets)
            {
                Wrap(text, bullet, "- ", "  ");
            }

            if (section.Bullets.Count > 0)
            {
                text.Append('\n');
            }
        }

        return text.Append(document.Signature).Append('\n').ToString();
    }

    /// <summary>The HTML body: a complete document, French, no active content.</summary>
    public static string Html(NoticeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>");
        html.Append(E(document.Subject)).Append("</title></head>\n<body>\n");
        Body(html, document, "h2");
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>The body parts shared by the HTML email and the printed letter.</summary>
    internal static void Body(StringBuilder html, NoticeDocument document, string headingTag)
    {
        html.Append("<p>").Append(E(document.Greeting)).Append("</p>\n");
        foreach (var section in document.Sections)
        {
            if (section.Heading is not null)
            {
                html.Append('<').Append(headingTag).Append('>').Append(E(section.Heading)).Append("</").Append(headingTag).Append(">\n");
            }

            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            }

            if (section.Bullets.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var bullet in section.Bullets)
                {
                    html.Append("<li>").Append(E(bullet)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
        }

        html.Append("<p>").Append(E(document.Signature)).Append("</p>\n");
    }

    internal static string E(string? value) => HtmlText.Encode(value);

    private static void Wrap(StringBuilder text, string paragraph, string first, string rest)
    {
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(rest);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        text.Append(line).Append('\n');
    }
}
