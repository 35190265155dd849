using System.Diagnostics;
using System.Net;
using Hl7.Fhir.Model;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Vigie.Auth;
using Vigie.Core.Notices;
using Vigie.Detection;
using Vigie.Notices;
using Vigie.Storage.Detection;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Detection;

/// <summary>
/// "Was this you?": when the engine contains a professional's account, the owner gets one French email through a
/// real SMTP server (Debian's aiosmtpd), without link, patient data or token, with a reference the public portal
/// recognises; a relay that is down at first is retried until it takes the message.
/// </summary>
public sealed class OwnerNoticeTests
{
    private const string OwnerEmail = "dr.medecin@chu.example";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ContainedAccount_OwnerIsEmailedOnce_InFrench_WithAReferenceThePortalRecognises(string provider)
    {
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("vigie-owner-").FullName, "maildir");
        await using var smtp = await Aiosmtpd.StartAsync(maildir);
        await using var server = await StartAsync(provider, smtp.Port);
        await ContainPhysicianWithCanaryAsync(server);

        var delivered = await DeliveredAsync(smtp, 1);
        await using (var check = server.Database.NewContext())
        {
            var rows = await check.Notifications.AsNoTracking().ToListAsync();
            Assert.True(delivered.Count == 1, string.Join("; ", rows.Select(r => $"{r.IncidentId} {r.Status} {r.Attempts} {r.LastError}")));
        }

        var file = delivered[0];
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(OwnerEmail, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(OwnerNotice.Subject, message.Subject);
        var text = message.TextBody;
        Assert.Null(message.HtmlBody);
        Assert.Contains("suspendu votre compte professionnel", text, StringComparison.Ordinal);
        Assert.Contains("Si ce n'était pas vous", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("VASSEUR", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Odette", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("canary", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal); // No JWT.

        var typed = text.Split('\n').Single(l => l.StartsWith("Référence : ", StringComparison.Ordinal))["Référence : ".Length..].Trim();
        using var form = new FormUrlEncodedContent([new("reference", typed)]);
        var page = await (await server.Client.PostAsync("/verifier", form)).Content.ReadAsStringAsync();
        Assert.Contains("Ce message est authentique", page, StringComparison.Ordinal);

        // More passes: still one message for this containment, and the row says sent.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(smtp.Delivered());
        await using var db = server.Database.NewContext();
        var row = Assert.Single(await db.Notifications.AsNoTracking().Where(n => n.IncidentId.StartsWith(OwnerNotices.IncidentPrefix)).ToListAsync());
        Assert.Equal((int)NotificationStatus.Sent, row.Status);
        Assert.Equal(TestPrincipals.Physician, row.PatientId);
        Assert.Null(row.SealedReference);
    }

    [Fact]
    public async Task RelayDownAtFirst_TheNoticeIsRetried_AndSentOnceItAnswers()
    {
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("vigie-owner-").FullName, "maildir");
        var port = VigieServerProcess.FreePort();
        await using var server = await StartAsync(TestDatabase.Sqlite, port);
        await ContainPhysicianWithCanaryAsync(server);

        var watch = Stopwatch.StartNew();
        Storage.Notices.NotificationRow? failing = null;
        while (failing is null && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
            await using var db = server.Database.NewContext();
            failing = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.IncidentId.StartsWith(OwnerNotices.IncidentPrefix) && n.Attempts > 0);
        }

        Assert.NotNull(failing);
        Assert.Equal((int)NotificationStatus.Pending, failing.Status);
        Assert.NotNull(failing.LastError);

        await using var smtp = await Aiosmtpd.StartAsync(maildir, port);
        Assert.Single(await DeliveredAsync(smtp, 1));
    }

    private static Task<VigieTestServer> StartAsync(string provider, int smtpPort) =>
        VigieTestServer.StartAsync(provider, settings: s => s with
        {
            Detection = s.Detection with
            {
                SyncInterval = TimeSpan.FromMilliseconds(200),
                OwnerSmtp = new SmtpOptions("127.0.0.1", smtpPort, SecureSocketOptions.None, MailboxAddress.Parse("Sécurité Vigie <ne-pas-repondre@vigie.example>")),
            },
        });

    /// <summary>The physician, with an email registered, discloses a canary: the engine suspends the account.</summary>
    private static async System.Threading.Tasks.Task ContainPhysicianWithCanaryAsync(VigieTestServer server)
    {
        var (_, canary) = await server.CreateAsync(Patients.Make("CANARY-1", family: "Vasseur", given: ["Odette"], birthDate: "1948-07-21", gender: AdministrativeGender.Female));
        await using (var db = server.Database.NewContext())
        {
            Assert.True((await Professionals.SetEmailAsync(db, TestPrincipals.Physician, OwnerEmail, default)).Success);
            db.Canaries.Add(new CanaryRow { IdentityId = canary!.Id!, Finess = VigieTestServer.Finess, PlantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=VASSEUR&birthdate=1948-07-21", server.Tokens.Physician);
        var (after, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    private static async Task<IReadOnlyList<string>> DeliveredAsync(Aiosmtpd smtp, int count)
    {
        var watch = Stopwatch.StartNew();
        while (smtp.Delivered().Count < count && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        return smtp.Delivered();
    }
}
