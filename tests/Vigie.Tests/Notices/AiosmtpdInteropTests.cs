using Microsoft.EntityFrameworkCore;
using MimeKit;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Notices;

/// <summary>The same run against an independent SMTP implementation (Debian's python3-aiosmtpd), read back from its maildir.</summary>
public sealed class AiosmtpdInteropTests
{
    [Fact]
    public async Task Run_DeliversToAiosmtpd_MessagesItStoresIntact()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var server = await Aiosmtpd.StartAsync(Path.Combine(database.DataDirectory, "maildir"));
        var options = NoticeFixtures.Options(database, null) with
        {
            Smtp = new Vigie.Notices.SmtpOptions("127.0.0.1", server.Port, MailKit.Security.SecureSocketOptions.None,
                MailboxAddress.Parse("GRADeS HDF <ne-pas-repondre@gradeshdf.example>"), Connections: 3),
        };
        var result = await NoticeFixtures.RunAsync(database, options, NoticeFixtures.Targets(40));
        Assert.Equal((40, 0), (result.Sent, result.LeftPending));

        var delivered = server.Delivered().Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(40, delivered.Count);
        await using var db = database.NewContext();
        var rows = await db.Notifications.AsNoTracking().ToDictionaryAsync(n => n.MessageId);
        var keys = NoticeFixtures.Keys;
        Assert.All(delivered, m =>
        {
            Assert.Equal(rows[m.MessageId!].ReferenceHash, keys.LookupHash(NoticeFixtures.ReferenceIn(m.TextBody)));
            Assert.Contains("Incident de sécurité", m.Subject, StringComparison.Ordinal);
            Assert.Contains("Vérifier que ce message vient bien de nous", m.HtmlBody, StringComparison.Ordinal);
        });
    }
}
