using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Support;

namespace Vigie.Tests.Cli;

/// <summary>`vigie professional add --email`: where "was this you?" goes when the account is contained.</summary>
public sealed class ProfessionalEmailCliTests
{
    [Fact]
    public async Task ProfessionalAdd_WithEmail_StoresIt_AndRefusesWhatIsNotABareAddress()
    {
        await using var server = await VigieTestServer.StartAsync();
        var data = server.Settings.DataDirectory;
        var refused = await VigieProcess.RunAsync("professional", "add", "--data", data, "--rpps", "10001112225", "--finess", VigieTestServer.Finess,
            "--profession", "60", "--email", "Infirmier <inf@chu.example>");
        Assert.Equal(2, refused.ExitCode);

        var added = await VigieProcess.RunAsync("professional", "add", "--data", data, "--rpps", "10001112225", "--finess", VigieTestServer.Finess,
            "--profession", "60", "--email", "infirmier.cli@chu.example");
        Assert.True(added.ExitCode == 0, added.Stderr);
        await using var db = server.Database.NewContext();
        var row = await db.Professionals.AsNoTracking().SingleAsync(p => p.NationalId == "810001112225");
        Assert.Equal("infirmier.cli@chu.example", row.Email);
    }
}
