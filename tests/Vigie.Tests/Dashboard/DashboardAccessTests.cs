using System.Net;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Storage.Registry;
using Vigie.Tests.Journal;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Dashboard;

/// <summary>
/// The dashboard over real HTTP: deny by default (sign-in redirect, 403 for anyone but the page's role), the
/// security headers, suspend and release through the forms journaled as through the API, and the duplicate queue
/// journaled like GET /admin/duplicates.
/// </summary>
public sealed class DashboardAccessTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Officer => "officer:" + TestPrincipals.Officer;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pages_AreForSecurityOfficersOnly_AndForbidInlineScripts(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        using var anonymous = DashboardSession.Anonymous(server);
        var redirected = await anonymous.Http.GetAsync("/tableau-de-bord/alertes");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/idp/signin?returnUrl=%2Ftableau-de-bord%2Falertes", redirected.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var physician = await DashboardSession.SignInAsync(server, TestPrincipals.Physician);
        Assert.Equal(HttpStatusCode.Forbidden, (await physician.Http.GetAsync("/tableau-de-bord/alertes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await physician.Http.GetAsync("/tableau-de-bord/incidents")).StatusCode);

        using var officer = await DashboardSession.SignInAsync(server, Officer);
        foreach (var page in new[] { "", "/alertes", "/comptes", "/incidents", "/journal?verifier=true" })
        {
            var response = await officer.Http.GetAsync("/tableau-de-bord" + page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Le journal est intègre", await officer.Http.GetStringAsync("/tableau-de-bord/journal?verifier=true"), StringComparison.Ordinal);

        // The duplicate queue shows patients: identity vigilance's permission (Administer), not the officers'.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Http.GetAsync("/tableau-de-bord/doublons")).StatusCode);
        Assert.Contains(await JournalReader.EntriesAsync(server, JournalAction.Administer), e => e.Actor.ProfessionalId == Officer && e.Outcome == JournalOutcome.DeniedByPolicy);

        // An officer's name is not accepted on the way into a client (Pro Santé Connect does not know officers).
        using var other = DashboardSession.Anonymous(server);
        var page2 = await other.Http.GetStringAsync("/idp/signin?returnUrl=%2Fconnect%2Fauthorize%3Fx%3D1");
        Assert.DoesNotContain(Officer, page2, StringComparison.Ordinal);
        var refused = await other.Http.PostAsync("/idp/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardSession.Token(page2), ["returnUrl"] = "/connect/authorize?x=1", ["professional"] = Officer,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SuspendAndRelease_ThroughTheForms_AreJournaledAndEnforced(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        using var officer = await DashboardSession.SignInAsync(server, Officer);
        var account = "/tableau-de-bord/comptes/" + TestPrincipals.Physician;

        // Without the form's antiforgery token (what another site could post with the cookie): refused.
        var forged = await officer.Http.PostAsync(account + "/suspendre", new FormUrlEncodedContent(new Dictionary<string, string> { ["motif"] = "test" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var page = await officer.Http.GetStringAsync(account);
        var suspend = await officer.Http.PostAsync(account + "/suspendre", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardSession.Token(page), ["motif"] = "<b>usurpation</b> signalée",
        }));
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        var (refused, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var suspended = await officer.Http.GetStringAsync(account + "?fait=suspendu");
        Assert.Contains("compte suspendu", suspended, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;usurpation&lt;/b&gt;", suspended, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>usurpation", suspended, StringComparison.Ordinal);
        Assert.Contains("<svg", suspended, StringComparison.Ordinal);

        var release = await officer.Http.PostAsync(account + "/lever", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DashboardSession.Token(suspended) }));
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);
        Assert.EndsWith("?fait=leve", release.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (allowed, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        Assert.Contains(await JournalReader.EntriesAsync(server, JournalAction.Containment), e => e.Actor.ProfessionalId == Officer && e.Query == "suspend-account;professional=" + TestPrincipals.Physician);
        Assert.Contains(await JournalReader.EntriesAsync(server, JournalAction.ContainmentRelease), e => e.Actor.ProfessionalId == Officer && e.Query == "release-account;professional=" + TestPrincipals.Physician);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DuplicateQueue_ShowsPairsToIdentityVigilance_AndJournalsThem(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, a) = await server.CreateAsync(Patients.Make("DUP-A", family: "Lefebvre", given: ["Anne"], birthDate: "1961-03-02"));
        var (_, b) = await server.CreateAsync(Patients.Make("DUP-B", family: "Lefevre", given: ["Anne"], birthDate: "1961-03-02"));
        await using (var db = server.Database.NewContext())
        {
            if (!await db.DuplicateCandidates.AnyAsync())
            {
                db.DuplicateCandidates.Add(new DuplicateCandidateRow { IdentityA = a!.Id!, IdentityB = b!.Id!, Score = 0.8, Grade = 1, Status = DuplicateStatus.Open, DetectedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }

        using var vigilance = await DashboardSession.SignInAsync(server, TestPrincipals.Vigilance, "/tableau-de-bord/doublons");
        var response = await vigilance.Http.GetAsync("/tableau-de-bord/doublons");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(a!.Id!, html, StringComparison.Ordinal);
        var reviewed = await JournalReader.EntriesAsync(server, JournalAction.DuplicateReview);
        Assert.Contains(reviewed, e => e.Actor.ProfessionalId == TestPrincipals.Vigilance && e.Patient?.Value == a.Id && e.Disclosed == DisclosedData.Identity);
        Assert.Contains(reviewed, e => e.Patient?.Value == b!.Id);
    }
}
