using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Incidents;

/// <summary>The drafts carry the scope's numbers, the DPO contact and a truthful 72-hour clock.</summary>
public sealed class DeclarationTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly DateTimeOffset Detected = new(2026, 3, 3, 9, 30, 0, TimeSpan.Zero);

    private static readonly OrganisationProfile Organisation = OrganisationProfile.Default with
    {
        Name = "GRADeS Hauts-de-France",
        Dpo = new ContactPoint("Claire Dupuis", "dpo@gradeshdf.example", "03 20 00 00 01"),
    };

    private static Incident Incident(IncidentStatus status = IncidentStatus.Open, string title = "Extraction depuis un compte compromis") =>
        new(new IncidentId(7), title, IncidentOrigin.Alert, "alert-3", Samples.Window, Samples.Selectors(accounts: ["810007654329"], ips: ["203.0.113.66"]),
            Detected, Detected.AddMinutes(10), "officer:alice", status, Detected.AddMinutes(10));

    // 3 patients: one identity only (2 entries), one identity + phone, one identity + email + address.
    private static IncidentScope Scope()
    {
        var selectors = Samples.Selectors(accounts: ["810007654329"]);
        var entries = new[]
        {
            Samples.Entry(Samples.Start.AddHours(1), "810007654329", "s", "203.0.113.66", "x", "p-1", DisclosedData.Identity),
            Samples.Entry(Samples.Start.AddHours(2), "810007654329", "s", "203.0.113.66", "x", "p-1", DisclosedData.Identity),
            Samples.Entry(Samples.Start.AddHours(3), "810007654329", "s", "203.0.113.66", "x", "p-2", DisclosedData.Identity | DisclosedData.Phone),
            Samples.Entry(Samples.Start.AddHours(4), "810007654329", "s", "203.0.113.66", "x", "p-3", DisclosedData.Identity | DisclosedData.Email | DisclosedData.Address),
        };
        return ScopeBuilder.Build(Samples.Window, selectors, 100, entries.Select((e, i) => ScopeEntry.From(i, e, true)), new ScopeIntegrity(4, 0, 0, false), Detected);
    }

    [Fact]
    public void CnilDraft_CarriesPeopleRecordsPerCategory_DpoContact_ConsequencesAndMeasures()
    {
        var clock = new FakeTimeProvider(Detected.AddHours(5));
        var draft = Declarations.Cnil(Incident(), Scope(), Organisation, Paris, clock.GetUtcNow());

        Assert.Equal(3, draft.People);
        Assert.Equal(4, draft.Records);
        Assert.Equal([("identite", 3, 4), ("telephone", 1, 1), ("courriel", 1, 1), ("adresse", 1, 1)], draft.DataCategories.Select(c => (c.Code, c.People, c.Records)));
        Assert.Equal("dpo@gradeshdf.example", draft.Organisation.Dpo.Email);
        Assert.Contains(draft.LikelyConsequences, c => c.Contains("SMS frauduleux", StringComparison.Ordinal));
        Assert.Contains(draft.LikelyConsequences, c => c.Contains("Courriels d'hameçonnage", StringComparison.Ordinal));
        Assert.Contains("Risque élevé", draft.Severity, StringComparison.Ordinal);
        Assert.Contains(draft.MeasuresProposed, m => m.StartsWith("Bloquer sans délai", StringComparison.Ordinal));
        Assert.Contains(draft.MeasuresTaken, m => m.Contains("INC-7", StringComparison.Ordinal));
        Assert.Contains("SIREN", draft.ToComplete.First(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), draft.BreachStart);

        var markdown = DeclarationMarkdown.Render(draft, Paris);
        Assert.Contains("**Nombre de personnes concernées** : 3", markdown, StringComparison.Ordinal);
        Assert.Contains("Claire Dupuis, dpo@gradeshdf.example, 03 20 00 00 01", markdown, StringComparison.Ordinal);
        Assert.Contains("3 mars 2026 à 10 h 30 (heure de Paris)", markdown, StringComparison.Ordinal);
        Assert.Contains("PROJET", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Clock_BeforeTheDeadline_SaysTimeLeft_AndAsksNoDelayReasons()
    {
        var clock = new FakeTimeProvider(Detected.AddHours(49).AddMinutes(15));
        var set = Declarations.Build(Incident(), Scope(), Organisation, Paris, clock.GetUtcNow());

        Assert.False(set.Cnil.Clock.Overdue);
        Assert.Equal(Detected.AddHours(72), set.Cnil.Clock.Deadline);
        Assert.Equal(TimeSpan.FromHours(22).Add(TimeSpan.FromMinutes(45)), set.Cnil.Clock.Remaining);
        Assert.Equal(22 * 60 + 45, set.Cnil.Clock.MinutesLeft);
        Assert.StartsWith("Il reste 22 h 45 min avant l'échéance des 72 heures : 6 mars 2026 à 10 h 30", set.Cnil.ClockText, StringComparison.Ordinal);
        Assert.Equal(set.Cnil.ClockText, set.HealthIncident.ClockText);
        Assert.Null(set.Cnil.DelayReasons);
    }

    [Fact]
    public void Clock_AfterTheDeadline_SaysOverdueBy_InBothDrafts_AndAsksForTheReasons()
    {
        var clock = new FakeTimeProvider(Detected);
        clock.Advance(TimeSpan.FromHours(72));
        Assert.True(Declarations.Cnil(Incident(), Scope(), Organisation, Paris, clock.GetUtcNow()).Clock.Overdue);

        clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(3)));
        var set = Declarations.Build(Incident(), Scope(), Organisation, Paris, clock.GetUtcNow());

        Assert.True(set.HealthIncident.Clock.Overdue);
        Assert.Equal(TimeSpan.Zero, set.Cnil.Clock.Remaining);
        Assert.Equal(-(24 * 60 + 3), set.Cnil.Clock.MinutesLeft);
        Assert.StartsWith("Échéance des 72 heures dépassée de 1 j 0 h 03 min", set.Cnil.ClockText, StringComparison.Ordinal);
        Assert.NotNull(set.Cnil.DelayReasons);
        Assert.Contains("Motifs du retard", DeclarationMarkdown.Render(set.Cnil, Paris), StringComparison.Ordinal);
        Assert.Contains("dépassée", DeclarationMarkdown.Render(set.HealthIncident, Paris), StringComparison.Ordinal);
    }

    [Fact]
    public void HealthIncidentDraft_NamesThePortal_ImpactsAndTheCnilDeadline()
    {
        var draft = Declarations.HealthIncident(Incident(IncidentStatus.Contained), Scope(), Organisation, Paris, Detected.AddHours(1));

        Assert.Equal("https://signalement.social-sante.gouv.fr", draft.Portal);
        Assert.Equal("Oui", draft.Impacts.Single(i => i.Criterion == "Confidentialité").Affected);
        Assert.Contains(draft.OtherDeclarations, d => d.Contains("6 mars 2026 à 10 h 30", StringComparison.Ordinal));
        Assert.Contains(draft.MeasuresTaken, m => m.StartsWith("Blocage des comptes", StringComparison.Ordinal));
        Assert.DoesNotContain(draft.MeasuresProposed, m => m.StartsWith("Bloquer sans délai", StringComparison.Ordinal));
        Assert.Equal(3, draft.People);
        Assert.Contains("à relire", DeclarationMarkdown.Render(draft, Paris), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesATitleThatCarriesMarkupOrHtml()
    {
        var draft = Declarations.HealthIncident(Incident(title: "<script>alert(1)</script> # [x](javascript:y)"), Scope(), Organisation, Paris, Detected);
        var markdown = DeclarationMarkdown.Render(draft, Paris);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains(@"\<script\>alert(1)\</script\> \# \[x\](javascript:y)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultOrganisation_ListsEveryPlaceholderToComplete()
    {
        Assert.Equal(11, OrganisationProfile.Default.Placeholders.Count);
        Assert.Equal(7, Organisation.Placeholders.Count);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1234, "1\u00A0234")]
    [InlineData(1234567, "1\u00A0234\u00A0567")]
    public void Numbers_AreGroupedTheFrenchWay(long value, string text) => Assert.Equal(text, FrenchText.Number(value));
}
