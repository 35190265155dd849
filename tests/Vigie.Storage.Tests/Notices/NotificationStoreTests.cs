using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Storage.Notices;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Notices;

/// <summary>The notification state machine on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class NotificationStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static PlannedNotification Planned(int i, NoticeChannel channel = NoticeChannel.Email) =>
        new("p-" + i, channel, Hash(i), [1, 2, 3, (byte)i], $"notice-{i}@vigie.test");

    private static byte[] Hash(int i)
    {
        var hash = new byte[16];
        BitConverter.TryWriteBytes(hash, i);
        hash[15] = 0xAA;
        return hash;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Plan_RecordsEachPersonOnce_AndPlanningAgainFindsThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await NotificationStore.PlanAsync(db, "inc-1", [.. Enumerable.Range(0, 2500).Select(i => Planned(i))], T0, default);
        var planned = await NotificationStore.PlannedPatientsAsync(db, "inc-1", default);
        Assert.Equal(2500, planned.Count);
        Assert.Empty(await NotificationStore.PlannedPatientsAsync(db, "inc-2", default));

        // The same person twice for one incident, or one reference twice anywhere, is refused by the database.
        await Assert.ThrowsAnyAsync<DbException>(() => NotificationStore.PlanAsync(db, "inc-1", [Planned(7) with { ReferenceHash = Hash(100_000) }], T0, default));
        await Assert.ThrowsAnyAsync<DbException>(() => NotificationStore.PlanAsync(db, "inc-2", [Planned(7)], T0, default));
        Assert.Equal(2500, await db.Notifications.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Claim_TakesPendingRowsOfOneChannelInIdOrder_AndCommitsTheClaim(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await NotificationStore.PlanAsync(db, "inc-1", [.. Enumerable.Range(0, 10).Select(i => Planned(i, i % 2 == 0 ? NoticeChannel.Email : NoticeChannel.Sms))], T0, default);
        var first = await NotificationStore.ClaimAsync(db, "inc-1", NoticeChannel.Email, NotificationStatus.Pending, 0, 3, T0, default);
        Assert.Equal(["p-0", "p-2", "p-4"], first.Select(c => c.PatientId));
        Assert.All(first, c => Assert.Equal(1, c.Attempts));
        var next = await NotificationStore.ClaimAsync(db, "inc-1", NoticeChannel.Email, NotificationStatus.Pending, 0, 10, T0, default);
        Assert.Equal(["p-6", "p-8"], next.Select(c => c.PatientId));

        // A fresh context sees the claim: it was committed before returning.
        await using var other = database.NewContext();
        Assert.Equal(5, await other.Notifications.CountAsync(n => n.Status == (int)NotificationStatus.Sending));
        var resumed = await NotificationStore.ClaimAsync(other, "inc-1", NoticeChannel.Email, NotificationStatus.Sending, 0, 100, T0.AddMinutes(5), default);
        Assert.Equal(5, resumed.Count);
        Assert.All(resumed, c => Assert.Equal(2, c.Attempts));
        Assert.Equal([1, 2, 3, 0], resumed[0].SealedReference);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Confirm_MarksSent_ErasesTheSealedReference_AndTheLookupShowsOnlyMaskChannelAndDate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await NotificationStore.PlanAsync(db, "inc-1", [Planned(1), Planned(2)], T0, default);
        var claimed = await NotificationStore.ClaimAsync(db, "inc-1", NoticeChannel.Email, NotificationStatus.Pending, 0, 10, T0.AddMinutes(1), default);
        Assert.Null(await NotificationStore.FindAsync(db, Hash(999), default));
        Assert.Equal(NotificationStatus.Sending, (await NotificationStore.FindAsync(db, Hash(1), default))!.Status);

        await NotificationStore.ConfirmAsync(db, [new Delivery(claimed[0].Id, "250 2.0.0 Ok: queued as ABC", "…nt@")], T0.AddMinutes(2), default);
        var found = await NotificationStore.FindAsync(db, Hash(1), default);
        Assert.Equal(new NotificationLookup(found!.Id, NotificationStatus.Sent, NoticeChannel.Email, "…nt@", T0.AddMinutes(2)), found);
        var row = await db.Notifications.AsNoTracking().SingleAsync(n => n.PatientId == "p-1");
        Assert.Null(row.SealedReference);
        Assert.Equal("250 2.0.0 Ok: queued as ABC", row.ProviderMessageId);

        // Confirming twice changes nothing.
        await NotificationStore.ConfirmAsync(db, [new Delivery(claimed[0].Id, "other", "…xx@")], T0.AddMinutes(3), default);
        Assert.Equal(found, await NotificationStore.FindAsync(db, Hash(1), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TransientFailure_ReturnsToPending_UntilTheLastAttempt_ThenFails(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await NotificationStore.PlanAsync(db, "inc-1", [Planned(1)], T0, default);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claimed = Assert.Single(await NotificationStore.ClaimAsync(db, "inc-1", NoticeChannel.Email, NotificationStatus.Pending, 0, 10, T0, default));
            Assert.Equal(attempt, claimed.Attempts);
            await NotificationStore.RetryLaterAsync(db, claimed, "421 try later", 3, T0, default);
        }

        Assert.Empty(await NotificationStore.ClaimAsync(db, "inc-1", NoticeChannel.Email, NotificationStatus.Pending, 0, 10, T0, default));
        var counts = await NotificationStore.CountAsync(db, "inc-1", default);
        Assert.Equal([new NotificationCount(NoticeChannel.Email, NotificationStatus.Failed, 1)], counts);
        Assert.Contains("after 3 attempts", (await db.Notifications.SingleAsync()).LastError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnreachablePerson_IsPlannedAsFailedWithItsReason(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await NotificationStore.PlanAsync(db, "inc-1", [Planned(1, NoticeChannel.None) with { FailedBecause = "no usable contact" }], T0, default);
        var row = await db.Notifications.SingleAsync();
        Assert.Equal(((int)NotificationStatus.Failed, "no usable contact", (byte[]?)null), (row.Status, row.LastError, row.SealedReference));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunLock_RefusesASecondLiveRun_AndIsTakenOverWhenStaleOrDead(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        static bool Alive(string _) => false;
        Assert.True(await NoticeRunLock.TryAcquireAsync(db, "inc-1", "a", T0, TimeSpan.FromSeconds(30), Alive, default));
        Assert.False(await NoticeRunLock.TryAcquireAsync(db, "inc-1", "b", T0.AddSeconds(10), TimeSpan.FromSeconds(30), Alive, default));
        Assert.True(await NoticeRunLock.TryAcquireAsync(db, "inc-2", "b", T0, TimeSpan.FromSeconds(30), Alive, default));
        Assert.True(await NoticeRunLock.HeartbeatAsync(db, "inc-1", "a", T0.AddSeconds(20), default));

        // Stale heartbeat: taken over; the old holder learns it at its next heartbeat.
        Assert.False(await NoticeRunLock.TryAcquireAsync(db, "inc-1", "b", T0.AddSeconds(45), TimeSpan.FromSeconds(30), Alive, default));
        Assert.True(await NoticeRunLock.TryAcquireAsync(db, "inc-1", "b", T0.AddSeconds(51), TimeSpan.FromSeconds(30), Alive, default));
        Assert.False(await NoticeRunLock.HeartbeatAsync(db, "inc-1", "a", T0.AddSeconds(52), default));

        // A holder known to be dead: taken over at once.
        Assert.True(await NoticeRunLock.TryAcquireAsync(db, "inc-1", "c", T0.AddSeconds(52), TimeSpan.FromSeconds(30), owner => owner == "b", default));
        await NoticeRunLock.ReleaseAsync(db, "inc-1", "b", default); // not the holder any more: no effect
        Assert.Equal("c", (await NoticeRunLock.HolderAsync(db, "inc-1", default))!.Owner);
        await NoticeRunLock.ReleaseAsync(db, "inc-1", "c", default);
        Assert.Null(await NoticeRunLock.HolderAsync(db, "inc-1", default));
    }
}
