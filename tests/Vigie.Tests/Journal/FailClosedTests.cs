using System.Net;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Journal;

/// <summary>
/// When the journal cannot be written, nothing is disclosed: the request fails with 503 and its body carries no
/// patient data. The failure is real: the database itself refuses inserts into the journal table.
/// </summary>
public sealed class FailClosedTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task JournalRefusingWrites_GivesA503WithoutPatientData(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("F-1", family: "Faucheux", given: ["Odile"]));
        await BreakJournalAsync(server, provider);

        var response = await server.As(server.Tokens.Admission).GetAsync("/fhir/Patient/" + created!.Id);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("OperationOutcome", body, StringComparison.Ordinal);
        Assert.DoesNotContain("FAUCHEUX", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("06 12", body, StringComparison.Ordinal);

        var search = await server.As(server.Tokens.Physician).GetAsync("/fhir/Patient?family:exact=FAUCHEUX&birthdate=1980-05-17");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.DoesNotContain("FAUCHEUX", await search.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // $match renders its answer while the entries are written (decision 0023): the rendered answer is dropped.
        var query = new Parameters();
        query.Parameter.Add(new Parameters.ParameterComponent
        {
            Name = "resource",
            Resource = new Patient { Name = [new HumanName { Family = "Faucheux", Given = ["Odile"] }], BirthDate = "1980-05-17", Gender = AdministrativeGender.Male },
        });
        var (match, _) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(query));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, match.StatusCode);
        Assert.DoesNotContain("FAUCHEUX", await match.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task BreakJournalAsync(VigieTestServer server, string provider)
    {
        await using var db = server.Database.NewContext();
        if (provider == TestDatabase.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_journal BEFORE INSERT ON journal_entries BEGIN SELECT RAISE(ABORT, 'disk gone'); END;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION refuse_journal() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk gone'; END $$ LANGUAGE plpgsql;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_journal BEFORE INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION refuse_journal();");
        }
    }
}
