using System.Net;
using Hl7.Fhir.Model;
using Vigie.Storage.Detection;
using Vigie.Tests.Support;

namespace Vigie.Tests.Cli;

/// <summary>`vigie containment status|release` as a real process against the data of a running server.</summary>
public sealed class ContainmentCliTests
{
    [Fact]
    public async Task Release_FromTheCli_FreesTheAccountOnTheRunningServer()
    {
        await using var server = await VigieTestServer.StartAsync();
        await using (var db = server.Database.NewContext())
        {
            db.Containments.Add(new ContainmentRow { Scope = 1, ProfessionalId = TestPrincipals.Physician, SuspendedAt = DateTimeOffset.UtcNow, Reasons = "canary", SuspendedBy = "engine", Enforced = true });
            await db.SaveChangesAsync();
        }

        const string search = "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17";
        Assert.Equal(HttpStatusCode.Forbidden, (await server.SendAsync<Resource>(HttpMethod.Get, search, server.Tokens.Physician)).Response.StatusCode);

        var status = await VigieProcess.RunAsync("containment", "status", "--data", server.Database.DataDirectory, "--professional", TestPrincipals.Physician);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("ACTIVE", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("canary", status.Stdout, StringComparison.Ordinal);

        var release = await VigieProcess.RunAsync("containment", "release", "--data", server.Database.DataDirectory, "--professional", TestPrincipals.Physician);
        Assert.True(release.ExitCode == 0, release.Stdout + release.Stderr);
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync<Resource>(HttpMethod.Get, search, server.Tokens.Physician)).Response.StatusCode);

        var again = await VigieProcess.RunAsync("containment", "release", "--data", server.Database.DataDirectory, "--professional", TestPrincipals.Physician);
        Assert.Equal(1, again.ExitCode);
        var bad = await VigieProcess.RunAsync("containment", "release", "--data", server.Database.DataDirectory, "--professional", "123");
        Assert.Equal(2, bad.ExitCode);
    }
}
