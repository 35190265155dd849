namespace Vigie.Core.Notices;

/// <summary>One titled part of a notice: paragraphs, then bullet points.</summary>
/// <param name="Heading">The heading, or null for the opening part.</param>
/// <param name="Paragraphs">Paragraphs, in order.</param>
/// <param name="Bullets">Bullet points after the paragraphs (may be empty).</param>
public sealed record NoticeSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Bullets);

/// <summary>
/// A notice as plain sentences, before any rendering: every channel renders this one document (plain text, HTML
/// email, printed letter), so they cannot drift apart, and the content properties are checked once, here.
/// </summary>
/// <param name="Subject">The email subject and the letter's "Objet".</param>
/// <param name="Greeting">"Bonjour Jeanne DUPONT," or "Madame, Monsieur,".</param>
/// <param name="Sections">The body.</param>
/// <param name="Signature">The organisation signing.</param>
/// <param name="Reference">The verification reference, printed in the body as well.</param>
public sealed record NoticeDocument(string Subject, string Greeting, IReadOnlyList<NoticeSection> Sections, string Signature, VerificationReference Reference)
{
    /// <summary>Every sentence-bearing string of the document, in reading order.</summary>
    public IEnumerable<string> AllText()
    {
        yield return Subject;
        yield return Greeting;
        foreach (var section in Sections)
        {
            if (section.Heading is not null)
            {
                yield return section.Heading;
            }

            foreach (var p in section.Paragraphs)
            {
                yield return p;
            }

            foreach (var b in section.Bullets)
            {
                yield return b;
            }
        }

        yield return Signature;
    }
}
