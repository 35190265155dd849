using System.Net;
using Hl7.Fhir.Model;
using Vigie.Journal;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Journal;

/// <summary>GET /fhir/AuditEvent: the journal in the BALP shape, for security officers only.</summary>
public sealed class AuditEventTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(VigieTestServer Server, string Id)> WithReadsAsync(string provider)
    {
        var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("A-1"));
        await server.CreateAsync(Patients.Make("A-2", family: "Leroy", birthDate: "1971-02-03"));
        await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Admission);
        await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created.Id, server.Tokens.Physician);
        return (server, created.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Officer_SearchesByPatient_GetsOneBalpAuditEventPerDisclosure(string provider)
    {
        var (server, id) = await WithReadsAsync(provider);
        await using var _ = server;
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/AuditEvent?patient=" + id, server.Tokens.Officer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reads = bundle!.Entry.Select(e => (AuditEvent)e.Resource).Where(a => a.Action == AuditEvent.AuditEventAction.R).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, a =>
        {
            Assert.Contains("IHE.BasicAudit.PatientRead", a.Meta.Profile.Single(), StringComparison.Ordinal);
            Assert.Equal("Patient/" + id, a.Entity.Single(e => e.Role?.Code == "1").What.Reference);
            Assert.Equal(AuditEvent.AuditEventOutcome.N0, a.Outcome);
            Assert.StartsWith("j-", a.Id, StringComparison.Ordinal);
        });
        var admission = reads.Single(a => a.Agent[0].Who.Identifier.Value == TestPrincipals.Admission);
        var categories = admission.Entity.Single(e => e.Role?.Code == "1").Extension.Where(x => x.Url == AuditEventMapping.DisclosedExtension).Select(x => ((Code)x.Value).Value);
        Assert.Equal(["identity", "phone", "email", "address"], categories);
        Assert.Equal("127.0.0.1", admission.Agent[0].Network.Address);
    }

    [Fact]
    public async Task Officer_FiltersByAgentAndDate()
    {
        var (server, _) = await WithReadsAsync(TestDatabase.Sqlite);
        await using var _s = server;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, byAgent) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/AuditEvent?agent={TestPrincipals.Physician}&date={today}", server.Tokens.Officer);
        Assert.NotEmpty(byAgent!.Entry);
        Assert.All(byAgent.Entry, e => Assert.Equal(TestPrincipals.Physician, ((AuditEvent)e.Resource).Agent[0].Who.Identifier.Value));

        var (_, yesterday) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/AuditEvent?agent={TestPrincipals.Physician}&date=lt{today}", server.Tokens.Officer);
        Assert.Empty(yesterday!.Entry);
    }

    [Fact]
    public async Task Paging_FollowsTheNextLinkWithoutGapsOrRepeats()
    {
        var (server, _) = await WithReadsAsync(TestDatabase.Sqlite);
        await using var _s = server;
        var seen = new List<string>();
        var url = "/fhir/AuditEvent?_count=2";
        while (url is not null)
        {
            var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, url, server.Tokens.Officer);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(bundle!.Entry.Count <= 2);
            seen.AddRange(bundle.Entry.Select(e => e.Resource.Id!));
            url = bundle.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } next ? new Uri(next).PathAndQuery : null;
        }

        Assert.True(seen.Count >= 6);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(seen, seen.OrderBy(s => long.Parse(s[2..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task NonOfficers_AreRefused_AndTheRefusalIsJournaled()
    {
        var (server, _) = await WithReadsAsync(TestDatabase.Sqlite);
        await using var _s = server;
        foreach (var token in new[] { server.Tokens.Physician, server.Tokens.Vigilance, server.Tokens.SystemChu })
        {
            var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/AuditEvent", token);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var refused = await JournalReader.EntriesAsync(server, Vigie.Core.Journal.JournalAction.AuditQuery);
        Assert.Equal(3, refused.Count(e => e.Outcome == Vigie.Core.Journal.JournalOutcome.DeniedByPolicy));
    }

    [Theory]
    [InlineData("date=yesterday")]
    [InlineData("date=2026-01-01T10:00:00")]
    [InlineData("patient=not an id")]
    [InlineData("agent=123")]
    [InlineData("_count=0")]
    [InlineData("_count=5000")]
    [InlineData("subtype=read")]
    public async Task BadParameters_Are400OperationOutcome(string query)
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, outcome) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/AuditEvent?" + query, server.Tokens.Officer);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(outcome);
    }
}
