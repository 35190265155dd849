using System.Globalization;
using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Core.Notices;

/// <summary>
/// The keys that group phishing reports into campaigns. A report joins the campaign that already holds any of its
/// keys, so one campaign gathers messages that share a sender domain, a link domain or most of their wording:
/// <list type="bullet">
/// <item><c>expediteur:</c> the sender's registrable domain (last two labels, three under gouv.fr, co.uk and the
/// like: an approximation of the public suffix list). Free mail domains would lump unrelated senders together, so
/// there the whole address is the key; a phone number or an SMS sender name is its own key.</item>
/// <item><c>lien:</c> the registrable domain of each web address in the text (the landing page a takedown targets);
/// for URL shorteners, the short link itself.</item>
/// <item><c>texte:</c> MinHash bands over three-word shingles of the folded text (10 bands of 4 hashes): two
/// messages that differ only by the person's name or a few words share a band almost surely, unrelated ones rarely.</item>
/// </list>
/// </summary>
public static class CampaignKeys
{
    /// <summary>Longest key.</summary>
    public const int MaxKeyLength = 100;

    private const int Bands = 10;
    private const int Rows = 4;
    private const int MaxLinks = 5;

    private static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "hotmail.fr", "hotmail.com", "outlook.fr", "outlook.com", "live.fr", "live.com",
        "msn.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr", "icloud.com", "me.com", "gmx.fr", "gmx.com",
        "aol.com", "proton.me", "protonmail.com", "yandex.com", "mail.com",
    };

    private static readonly HashSet<string> Shorteners = new(StringComparer.Ordinal)
    {
        "bit.ly", "tinyurl.com", "t.co", "goo.gl", "is.gd", "cutt.ly", "ow.ly", "rebrand.ly", "shorturl.at", "s.id", "t.ly", "urlz.fr", "lstu.fr",
    };

    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal) { "gouv", "co", "com", "org", "net", "asso", "ac", "gov", "nom", "edu", "tm" };

    /// <summary>The campaign keys of a reported message, most specific first; never empty.</summary>
    public static IReadOnlyList<string> For(SuspiciousMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var keys = new List<string>();
        if (SenderKey(message.Sender) is { } sender)
        {
            keys.Add(sender);
        }

        keys.AddRange(LinkHosts(message.Text).Take(MaxLinks).Select(LinkKey).Distinct(StringComparer.Ordinal));
        keys.AddRange(TextBands(message.Text));
        return [.. keys.Select(k => k.Length > MaxKeyLength ? k[..MaxKeyLength] : k).Distinct(StringComparer.Ordinal)];
    }

    private static string? SenderKey(string? sender)
    {
        if (string.IsNullOrWhiteSpace(sender))
        {
            return null;
        }

        var at = sender.LastIndexOf('@');
        if (at >= 0)
        {
            var start = at;
            while (start > 0 && !IsAddressBoundary(sender[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < sender.Length && !IsAddressBoundary(sender[end]))
            {
                end++;
            }

            var domain = Host(sender[(at + 1)..end]);
            if (domain.Length > 0)
            {
                return FreeMail.Contains(domain)
                    ? "expediteur:" + sender[start..at].ToLowerInvariant() + "@" + domain
                    : "expediteur:" + Registrable(domain);
            }
        }

        var digits = new string([.. sender.Where(char.IsAsciiDigit)]);
        if (digits.Length >= 6)
        {
            return "expediteur:tel:" + (ContactNormalizer.Phone(sender) ?? digits);
        }

        var name = new string([.. sender.Trim().ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' ')]);
        return name.Length == 0 ? null : "expediteur:nom:" + name;
    }

    private static bool IsAddressBoundary(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '(' or ')' or '[' or ']' or '"' or ',' or ';' or ':';

    private static IEnumerable<(string Host, string Path)> LinkHosts(string text)
    {
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Trim('<', '>', '(', ')', '[', ']', '"', '\'', ',', ';', '«', '»');
            var scheme = w.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                w = w[(scheme + 3)..];
            }
            else if (!w.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && !(w.Contains('/', StringComparison.Ordinal) && NoticeText.ContainsWebAddress(w)))
            {
                continue;
            }

            var slash = w.IndexOfAny(['/', '?', '#']);
            var authority = slash < 0 ? w : w[..slash];
            var host = Host(authority[(authority.LastIndexOf('@') + 1)..]);
            if (host.Contains('.', StringComparison.Ordinal))
            {
                yield return (host, slash < 0 ? "" : w[slash..]);
            }
        }
    }

    private static string LinkKey((string Host, string Path) link)
    {
        var host = link.Host.StartsWith("www.", StringComparison.Ordinal) ? link.Host[4..] : link.Host;
        if (Shorteners.Contains(host))
        {
            var segment = link.Path.TrimStart('/').Split('/', '?', '#')[0];
            return "lien:" + host + "/" + segment;
        }

        return "lien:" + Registrable(host);
    }

    private static string Host(string raw)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        var host = (colon >= 0 ? raw[..colon] : raw).Trim().TrimEnd('.').ToLowerInvariant();
        return host.All(c => char.IsLetterOrDigit(c) || c is '.' or '-') ? host : "";
    }

    private static string Registrable(string host)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        var keep = labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }

    private static IEnumerable<string> TextBands(string text)
    {
        var words = Words(text);
        var shingles = new List<ulong>();
        if (words.Count < 3)
        {
            shingles.Add(StableHash.OfText(string.Join(' ', words)));
        }
        else
        {
            for (var i = 0; i + 2 < words.Count; i++)
            {
                shingles.Add(StableHash.OfText(words[i] + " " + words[i + 1] + " " + words[i + 2]));
            }
        }

        var minima = new ulong[Bands * Rows];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var h = 0; h < minima.Length; h++)
            {
                var value = unchecked((ulong)StableHash.Combine((byte)h, shingle, 0x6D696E68617368UL));
                if (value < minima[h])
                {
                    minima[h] = value;
                }
            }
        }

        for (var b = 0; b < Bands; b++)
        {
            var band = unchecked((ulong)StableHash.Combine((byte)(200 + b), minima[b * Rows] ^ minima[b * Rows + 1], minima[b * Rows + 2] ^ (minima[b * Rows + 3] * 31)));
            yield return string.Create(CultureInfo.InvariantCulture, $"texte:{b}:{band:x16}");
        }
    }

    // Words of the text with web and email addresses replaced by placeholders, letters folded to upper-case ASCII
    // without diacritics, every digit read as 0: a campaign's messages differ in their links, amounts and numbers.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || NoticeText.ContainsWebAddress(token))
            {
                words.Add("<LIEN>");
                continue;
            }

            if (token.Contains('@', StringComparison.Ordinal))
            {
                words.Add("<ADRESSE>");
                continue;
            }

            foreach (var c in token)
            {
                if (char.IsAsciiDigit(c))
                {
                    word.Append('0');
                }
                else if (NameCharacters.Classify(c, out var first, out var second) == NameCharKind.Letter)
                {
                    word.Append(first);
                    if (second != '\0')
                    {
                        word.Append(second);
                    }
                }
                else if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words;
    }
}
