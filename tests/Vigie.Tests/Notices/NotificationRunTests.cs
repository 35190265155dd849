using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Notices;
using Vigie.Storage.Notices;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Notices;

/// <summary>Notification runs against a real SMTP server on loopback, on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class NotificationRunTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_SendsOneEmailPerPerson_CarryingItsOwnReference(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = SmtpSink.Start();
        var targets = NoticeFixtures.Targets(60);
        var result = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), targets);

        Assert.Equal((60, 60, 0, 0, (string?)null), (result.NewlyPlanned, result.Sent, result.Failed, result.LeftPending, result.Stopped));
        var messages = sink.Messages.ToList();
        Assert.Equal(60, messages.Count);
        Assert.Equal(targets.Select(t => t.Email).Order(StringComparer.Ordinal), messages.Select(m => Assert.Single(m.Recipients)).Order(StringComparer.Ordinal));

        await using var db = database.NewContext();
        var rows = await db.Notifications.AsNoTracking().ToDictionaryAsync(n => n.MessageId);
        var keys = NoticeFixtures.Keys;
        foreach (var received in messages)
        {
            var message = received.Parse();
            var row = rows[message.MessageId];
            Assert.Equal("personne." + int.Parse(row.PatientId[2..], System.Globalization.CultureInfo.InvariantCulture) + "@exemple.fr", received.Recipients[0]);
            Assert.Equal(row.ReferenceHash, keys.LookupHash(NoticeFixtures.ReferenceIn(message.TextBody)));
            Assert.Equal(NoticeFixtures.ReferenceIn(message.TextBody), NoticeFixtures.ReferenceIn(message.HtmlBody));
            Assert.Equal(((int)NotificationStatus.Sent, (byte[]?)null), (row.Status, row.SealedReference));
            Assert.StartsWith("2.0.0 Ok: queued as Q", row.ProviderMessageId, StringComparison.Ordinal);
            Assert.Equal("…" + received.Recipients[0][(received.Recipients[0].IndexOf('@', StringComparison.Ordinal) - 2)..received.Recipients[0].IndexOf('@', StringComparison.Ordinal)] + "@", row.MaskedDestination);
            Assert.Equal("dpo@gradeshdf.example", message.ReplyTo.Mailboxes.Single().Address);
            Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        }

        Assert.Equal(60, messages.Select(m => NoticeFixtures.ReferenceIn(m.Parse().TextBody)).Distinct().Count());
    }

    [Fact]
    public async Task RunningAgain_SendsNothingTwice()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        var targets = NoticeFixtures.Targets(20);
        await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), targets);
        var again = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), targets);

        Assert.Equal((0, 0, 0), (again.NewlyPlanned, again.Sent, again.LeftPending));
        Assert.Equal(20, sink.Messages.Count);

        // A larger list later: only the newcomers are notified.
        var more = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), NoticeFixtures.Targets(25));
        Assert.Equal((5, 5), (more.NewlyPlanned, more.Sent));
        Assert.Equal(25, sink.Messages.Select(m => m.Recipients[0]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_UsesEmailThenSmsThenLetter_AndRecordsThoseWithoutContactAsFailed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = SmtpSink.Start();
        var smsPath = Path.Combine(database.DataDirectory, "sms.jsonl");
        using var sms = new FileSmsSender(smsPath, TimeProvider.System);
        var targets = NoticeFixtures.Targets(40, mixed: true).Append(NoticeFixtures.Target(999) with { Email = null }).ToList();
        var result = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink, sms: sms), targets);

        Assert.Equal((41, 40, 1, 0, 0), (result.NewlyPlanned, result.Sent, result.Unreachable, result.Failed, result.LeftPending));
        Assert.Equal(20, sink.Messages.Count);
        var texts = FileSmsSender.ReadAll(smsPath);
        Assert.Equal(10, texts.Count);
        Assert.All(texts, t => Assert.StartsWith("+336", t.To, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("https://vigie.gradeshdf.example/verifier", t.Text, StringComparison.Ordinal));
        var file = Assert.Single(result.LetterFiles);
        var html = await File.ReadAllTextAsync(file);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"page\">").Count);
        Assert.Contains("3 rue des Tests", html, StringComparison.Ordinal);

        await using var db = database.NewContext();
        var counts = await NotificationStore.CountAsync(db, "inc-2025-09", default);
        Assert.Equal(
            [new(NoticeChannel.None, NotificationStatus.Failed, 1), new(NoticeChannel.Email, NotificationStatus.Sent, 20), new(NoticeChannel.Sms, NotificationStatus.Sent, 10), new(NoticeChannel.Letter, NotificationStatus.Sent, 10)],
            counts);
        var letterRow = await db.Notifications.AsNoTracking().FirstAsync(n => n.Channel == (int)NoticeChannel.Letter);
        Assert.Matches("^lettres-inc-2025-09-\\d{10}\\.html#\\d+$", letterRow.ProviderMessageId);
        Assert.Null(letterRow.MaskedDestination);
        Assert.Equal("…" + texts[0].To[^2..], (await db.Notifications.AsNoTracking().FirstAsync(n => n.ProviderMessageId == texts[0].Id)).MaskedDestination);
    }

    [Fact]
    public async Task CrashAfterClaimBeforeSend_ResumeSendsEachClaimedMessageOnce()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        var targets = NoticeFixtures.Targets(30);
        var options = NoticeFixtures.Options(database, sink);

        // A first run that dies right after committing claims: plan with no SMTP relay reachable, then claim by hand.
        await using var dead = SmtpSink.Start();
        await dead.DisposeAsync();
        var down = await NoticeFixtures.RunAsync(database, options with { Smtp = NoticeFixtures.Smtp(dead) }, targets);
        Assert.NotNull(down.Stopped);
        Assert.Equal(30, down.LeftPending);
        await using (var db = database.NewContext())
        {
            Assert.Equal(12, (await NotificationStore.ClaimAsync(db, "inc-2025-09", NoticeChannel.Email, NotificationStatus.Pending, 0, 12, TimeProvider.System.GetUtcNow(), default)).Count);
        }

        var resumed = await NoticeFixtures.RunAsync(database, options, targets);
        Assert.Equal((12, 30, 0), (resumed.Resumed, resumed.Sent, resumed.LeftPending));
        Assert.Equal(30, sink.Messages.Count);
        Assert.Equal(30, sink.Messages.Select(m => m.Recipients[0]).Distinct().Count());
    }

    [Fact]
    public async Task CrashAfterSendBeforeConfirm_ResendsThatMessageIdentically_AndNoOtherTwice()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        var targets = NoticeFixtures.Targets(40);
        long lost = 0;
        var crashing = NoticeFixtures.Options(database, sink) with
        {
            AfterSendBeforeConfirm = id =>
            {
                // The relay accepted this message; the process "dies" before recording it.
                if (Interlocked.CompareExchange(ref lost, id, 0) == 0)
                {
                    throw new InvalidOperationException("simulated crash");
                }
            },
        };
        var first = await NoticeFixtures.RunAsync(database, crashing, targets);
        Assert.NotNull(first.Stopped);
        await using (var db = database.NewContext())
        {
            Assert.Equal((int)NotificationStatus.Sending, (await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == lost)).Status);
        }

        var second = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), targets);
        Assert.Equal(0, second.LeftPending);
        Assert.True(second.Resumed >= 1);

        // Every person has exactly one distinct message; the one whose outcome was unknown got the same bytes twice.
        var byRecipient = sink.Messages.GroupBy(m => m.Recipients[0]).ToList();
        Assert.Equal(40, byRecipient.Count);
        Assert.All(byRecipient, g => Assert.Single(g.Select(m => Convert.ToBase64String(m.Raw)).Distinct()));
        Assert.Equal(41, sink.Messages.Count);
        await using var check = database.NewContext();
        var twice = byRecipient.Single(g => g.Count() == 2).First().MessageId;
        Assert.Equal(lost, (await check.Notifications.AsNoTracking().SingleAsync(n => n.MessageId == twice)).Id);
    }

    [Fact]
    public async Task Cancelling_FinishesMessagesInHand_GivesTheRestBack_AndTheRerunSendsEachOnce()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        using var cancel = new CancellationTokenSource();
        sink.OnAccepted = n =>
        {
            if (n == 100)
            {
                cancel.Cancel();
            }
        };
        var targets = NoticeFixtures.Targets(600);
        var first = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), targets, cancel.Token);
        Assert.Equal("cancelled", first.Stopped);
        Assert.True(first.LeftPending > 0);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.Status == (int)NotificationStatus.Sending));
            Assert.Equal(sink.Messages.Count, await db.Notifications.CountAsync(n => n.Status == (int)NotificationStatus.Sent));
        }

        var second = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), targets);
        Assert.Equal((0, 0), (second.Resumed, second.LeftPending));
        Assert.Equal(600, sink.Messages.Count);
        Assert.Equal(600, sink.Messages.Select(m => m.Recipients[0]).Distinct().Count());
    }

    [Fact]
    public async Task PermanentRefusal_IsRecordedFailed_AndTransientRefusalIsRetried()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        sink.Refused["personne.3@exemple.fr"] = true;
        sink.Defer("personne.5@exemple.fr", 2);
        var result = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), NoticeFixtures.Targets(10));

        Assert.Equal((9, 1, 0), (result.Sent, result.Failed, result.LeftPending));
        Assert.Contains(sink.Messages, m => m.Recipients[0] == "personne.5@exemple.fr");
        await using var db = database.NewContext();
        var refused = await db.Notifications.AsNoTracking().SingleAsync(n => n.PatientId == "p-000003");
        Assert.Equal((int)NotificationStatus.Failed, refused.Status);
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(3, (await db.Notifications.AsNoTracking().SingleAsync(n => n.PatientId == "p-000005")).Attempts);
    }

    [Fact]
    public async Task UnreachableRelay_StopsTheRun_WithEveryoneStillToSend()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var dead = SmtpSink.Start();
        var port = dead.Port;
        await dead.DisposeAsync();
        var options = NoticeFixtures.Options(database, null) with { Smtp = NoticeFixtures.Smtp(dead) };
        var result = await NoticeFixtures.RunAsync(database, options, NoticeFixtures.Targets(15));

        Assert.Contains("cannot be reached", result.Stopped, StringComparison.Ordinal);
        Assert.Equal((0, 0, 15), (result.Sent, result.Failed, result.LeftPending));
        await using var db = database.NewContext();
        Assert.All(await db.Notifications.AsNoTracking().ToListAsync(), n => Assert.Equal(((int)NotificationStatus.Pending, 0), (n.Status, n.Attempts)));
        Assert.True(port > 0);
    }

    [Fact]
    public async Task AnotherLiveRunOfTheIncident_IsNotDisturbed()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        await using (var db = database.NewContext())
        {
            Assert.True(await NoticeRunLock.TryAcquireAsync(db, "inc-2025-09", RunLease.OwnerOfThisProcess(), TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5), _ => false, default));
        }

        var result = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink), NoticeFixtures.Targets(5));
        Assert.True(result.LockBusy);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SmsResentAfterACrash_IsRecognisedByItsIdempotencyKey()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var smsPath = Path.Combine(database.DataDirectory, "sms.jsonl");
        var targets = NoticeFixtures.Targets(12, mixed: true).Where(t => t.Phone is not null).ToList();
        using (var sms = new FileSmsSender(smsPath, TimeProvider.System))
        {
            var crashing = NoticeFixtures.Options(database, null, sms: sms) with { AfterSendBeforeConfirm = _ => throw new InvalidOperationException("simulated crash") };
            await Assert.ThrowsAsync<InvalidOperationException>(() => NoticeFixtures.RunAsync(database, crashing, targets));
        }

        using (var sms = new FileSmsSender(smsPath, TimeProvider.System))
        {
            var resumed = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, null, sms: sms), targets);
            Assert.Equal((3, 0), (resumed.Sent, resumed.LeftPending));
        }

        Assert.Equal(3, FileSmsSender.ReadAll(smsPath).Count);
    }

    [Fact]
    public async Task WithoutAnSmtpRelay_SmsAndLettersStillGoOut_AndEmailsWaitForARunThatHasOne()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var smsPath = Path.Combine(database.DataDirectory, "sms.jsonl");
        using var sms = new FileSmsSender(smsPath, TimeProvider.System);
        var targets = NoticeFixtures.Targets(8, mixed: true);
        var first = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, null, sms: sms), targets);

        Assert.Equal((4, 4), (first.Sent, first.LeftPending));
        Assert.Contains("no SMTP relay", first.Stopped, StringComparison.Ordinal);
        await using var sink = SmtpSink.Start();
        var second = await NoticeFixtures.RunAsync(database, NoticeFixtures.Options(database, sink, sms: sms), targets);
        Assert.Equal((4, 0, (string?)null), (second.Sent, second.LeftPending, second.Stopped));
        Assert.Equal(4, sink.Messages.Count);
        Assert.Equal(2, FileSmsSender.ReadAll(smsPath).Count);
    }
}
