using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Journal;
using Vigie.Core.Notices;

namespace Vigie.Core.Tests.Notices;

/// <summary>
/// What every generated notice must be, over generated names (including HTML and script fragments), data categories,
/// measures, breach kinds and dates: French; no link and no sign-in page; no request for personal data; everything
/// escaped in HTML; the reference and the portal address always present.
/// </summary>
public sealed partial class NoticeContentProperties
{
    private static readonly char[] NameCharacters = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéèêëàçôîïüÉÈÇ", ' ', ' ', '-', '\'', '<', '>', '&', '"', '/', '='];

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "Jean \"><img src=x onerror=alert(1)>", "Anne & Marie", "O'Brien", "</p><a href=\"http://evil.example\">", "",
    ];

    private static readonly Gen<string> Names =
        Gen.Frequency(
            (4, Gen.Elements(NameCharacters).ArrayOf().Select(c => new string(c).Trim()).Where(n => n.Length is 0 or >= 4)),
            (1, Gen.Elements(Hostile)));

    private static readonly Gen<(NoticeFacts Facts, NotificationTarget Target, VerificationReference Reference)> Cases =
        from name in Names
        from exposed in Gen.Choose(0, 15)
        from measures in Gen.SubListOf(Enum.GetValues<NoticeMeasure>()).Where(m => m.Count > 0)
        from kind in Gen.Elements(Enum.GetValues<BreachKind>())
        from start in Gen.Choose(0, 400)
        from length in Gen.Choose(0, 60)
        from phone in Gen.Elements<string?>(null, "03 20 00 00 00", "+33 3 20 00 00 00")
        from seed in Gen.Choose(0, int.MaxValue)
        let first = new DateOnly(2025, 1, 1).AddDays(start)
        let facts = NoticeSamples.Facts with
        {
            Kind = kind,
            Measures = [.. measures],
            From = first,
            To = first.AddDays(length),
            DetectedOn = first.AddDays(length + 1),
            Dpo = NoticeSamples.Facts.Dpo with { Phone = phone },
        }
        select (facts, NoticeSamples.Target(name, (DisclosedData)exposed), VerificationReference.Generate(new Random(seed).NextBytes));

    private static readonly Config Thorough = Config.QuickThrowOnFailure.WithMaxTest(400);

    private static IEnumerable<(string Form, string Text)> Forms(NoticeFacts facts, NotificationTarget target, VerificationReference reference)
    {
        var document = NoticeComposer.Compose(facts, target, reference);
        yield return ("plain", NoticeRendering.PlainText(document));
        yield return ("html", NoticeRendering.Html(document));
        yield return ("letter", LetterRendering.Header(facts, 1) + LetterRendering.Page(facts, target, document, facts.DetectedOn) + LetterRendering.Footer());
        yield return ("sms", SmsNotice.Compose(facts, target, reference));
    }

    private static IEnumerable<string> Sentences(NoticeFacts facts, NotificationTarget target, VerificationReference reference) =>
        NoticeComposer.Compose(facts, target, reference).AllText().Append(SmsNotice.Compose(facts, target, reference))
            .SelectMany(t => SentenceEnd().Split(t)).Where(s => s.Trim().Length > 0);

    [Fact]
    public void Facts_UsedByTheProperties_PassTheirCheck() =>
        Prop.ForAll(Cases.ToArbitrary(), c => NoticeFacts.Check(c.Facts).Success).Check(Thorough);

    [Fact]
    public void EveryForm_IsFrench()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var document = NoticeComposer.Compose(c.Facts, c.Target, c.Reference);
            var headings = document.Sections.Select(s => s.Heading).OfType<string>().ToList();
            var english = Forms(c.Facts, c.Target, c.Reference).Any(f => EnglishWords().IsMatch(WithoutName(f.Text, c.Target.DisplayName)));
            return !english
                && headings.SequenceEqual(["Ce qui s'est passé", "Les conséquences possibles", "Les mesures prises", "Comment vous protéger", "Vérifier que ce message vient bien de nous", "Vos questions et vos droits"])
                && Forms(c.Facts, c.Target, c.Reference).Where(f => f.Form != "sms").All(f => f.Text.Contains("données", StringComparison.Ordinal));
        }).Check(Thorough);
    }

    [Fact]
    public void NoForm_CarriesALinkOrAWebAddressOtherThanThePortal()
    {
        Prop.ForAll(Cases.ToArbitrary(), c => Forms(c.Facts, c.Target, c.Reference).All(f =>
        {
            var text = WithoutName(f.Text, c.Target.DisplayName);
            var addresses = WebAddress().Matches(text).Select(m => m.Value.TrimEnd('.', ',')).ToList();
            return !ActiveHtml().IsMatch(text)
                && addresses.All(a => a == c.Facts.PortalAddress || a == "cybermalveillance.gouv.fr")
                && text.Contains(c.Facts.PortalAddress, StringComparison.Ordinal)
                && !SignInPath().IsMatch(c.Facts.PortalAddress);
        })).Check(Thorough);
    }

    [Fact]
    public void NoSentence_AsksForPersonalDataOrASignIn()
    {
        Prop.ForAll(Cases.ToArbitrary(), c => Sentences(c.Facts, c.Target, c.Reference).All(sentence =>
        {
            var s = sentence.ToLowerInvariant();

            // The only thing a notice asks the person to type is the reference, on the portal.
            var asksToProvide = RequestVerb().IsMatch(s);
            var mentionsSecret = Secret().IsMatch(s);
            var negated = Negation().IsMatch(s);
            return (!asksToProvide || negated || s.Contains("référence", StringComparison.Ordinal)) && (!mentionsSecret || negated);
        })).Check(Thorough);
    }

    [Fact]
    public void Html_EncodesEveryValue()
    {
        Prop.ForAll(Cases.ToArbitrary(), c => Forms(c.Facts, c.Target, c.Reference).Where(f => f.Form is "html" or "letter").All(f =>
            !f.Text.Contains("<script", StringComparison.OrdinalIgnoreCase) && !f.Text.Contains("<img", StringComparison.OrdinalIgnoreCase)
            && (c.Target.DisplayName.Length == 0 || f.Text.Contains(Encoded(c.Target.DisplayName), StringComparison.Ordinal))
            && (!c.Target.DisplayName.Contains('<', StringComparison.Ordinal) || !f.Text.Contains(c.Target.DisplayName, StringComparison.Ordinal)))).Check(Thorough);
    }

    [Fact]
    public void EveryForm_CarriesTheReference()
    {
        Prop.ForAll(Cases.ToArbitrary(), c => Forms(c.Facts, c.Target, c.Reference).All(f => f.Text.Contains(c.Reference.ToString(), StringComparison.Ordinal))).Check(Thorough);
    }

    [Fact]
    public void Sms_FitsThreeSegmentsOfTheGsmAlphabet()
    {
        const string Gsm = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var sms = SmsNotice.Compose(c.Facts, c.Target, c.Reference);
            return sms.Length <= SmsNotice.MaxLength && sms.All(ch => Gsm.Contains(ch, StringComparison.Ordinal)) && !sms.Contains(c.Target.DisplayName is { Length: > 3 } n ? n : "\0", StringComparison.Ordinal);
        }).Check(Thorough);
    }

    [Fact]
    public void Notice_NamesTheExposedCategoriesAndTheDpo()
    {
        var target = NoticeSamples.Target(exposed: DisclosedData.Identity | DisclosedData.Address);
        var text = NoticeRendering.PlainText(NoticeComposer.Compose(NoticeSamples.Facts, target, NoticeSamples.Reference));
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("votre adresse postale", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("votre numéro de téléphone", flat, StringComparison.Ordinal);
        Assert.Contains("courriers frauduleux", flat, StringComparison.Ordinal);
        Assert.Contains("dpo@gradeshdf.example", flat, StringComparison.Ordinal);
        Assert.Contains("Entre le 1er septembre 2025 et le 12 septembre 2025", flat, StringComparison.Ordinal);
        Assert.Contains("Aucune donnée médicale", flat, StringComparison.Ordinal);
        Assert.Contains("Nous ne vous demanderons jamais votre mot de passe", flat, StringComparison.Ordinal);
        Assert.StartsWith("Bonjour Jeanne DUPONT,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_WithoutName_GreetsMadameMonsieur() =>
        Assert.Equal("Madame, Monsieur,", NoticeComposer.Compose(NoticeSamples.Facts, NoticeSamples.Target(""), NoticeSamples.Reference).Greeting);

    [Fact]
    public void LetterBatch_BreaksPagesAndHasNoScriptOrOutsideResource()
    {
        var page = LetterRendering.Page(NoticeSamples.Facts, NoticeSamples.Target(), NoticeComposer.Compose(NoticeSamples.Facts, NoticeSamples.Target(), NoticeSamples.Reference), new DateOnly(2025, 9, 20));
        var html = LetterRendering.Header(NoticeSamples.Facts, 2) + page + page + LetterRendering.Footer();
        Assert.Contains("page-break-after: always", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "<section class=\"page\">").Count);
        Assert.Contains("12 rue des Lilas", html, StringComparison.Ordinal);
        Assert.Contains("59000 Lille", html, StringComparison.Ordinal);
        Assert.Contains("Le 20 septembre 2025", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    private static string Encoded(string value) => HtmlText.Encode(value);

    private static string WithoutName(string text, string name) =>
        name.Length < 4 ? text : text.Replace(Encoded(name), " ", StringComparison.Ordinal).Replace(name, " ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(the|your|please|click|password|account|verify|login|sign in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"<\s*(a|form|input|button|script|img|iframe|object|embed|link|meta\s+http-equiv)\b|href\s*=|src\s*=|javascript:|on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveHtml();

    [GeneratedRegex(@"(https?://\S+|www\.\S+|(?<![@\w.-])[a-z0-9-]+(\.[a-z0-9-]+)*\.(fr|com|net|org|example|io|ly)\b(?!@))", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"(login|signin|sign-in|connexion|connect|auth|account|compte)", RegexOptions.IgnoreCase)]
    private static partial Regex SignInPath();

    [GeneratedRegex(@"\b(envoyez|transmettez|communiquez|indiquez|confirmez|saisissez|renseignez|répondez|fournissez|précisez|complétez|mettez à jour|connectez|identifiez|cliquez)\b")]
    private static partial Regex RequestVerb();

    [GeneratedRegex(@"(mot de passe|coordonnées bancaires|numéro de carte|code confidentiel|informations sur votre santé|données de santé|connexion|identifiant ni)")]
    private static partial Regex Secret();

    [GeneratedRegex(@"\b(jamais|aucun|aucune|ni)\b|\bn'|\bne\b")]
    private static partial Regex Negation();
}
