using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Detection;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Journal;

namespace Vigie.Detection;

/// <summary>
/// Feeds the node's risk engine from the access journal. At start, before the node serves (a hosted service's
/// start runs before Kestrel listens), it learns the last <see cref="DetectionSettings.WarmStartDays"/> days in
/// batches, so baselines survive a restart and a seeded region starts warm (decision 0007). Then, every
/// <see cref="DetectionSettings.SyncInterval"/>, it pulls the accesses other nodes journaled since, so that an
/// account's evidence is the same on every node that serves the database (decision 0010), and a step-up another
/// node asked of a session holds here too.
/// </summary>
internal sealed class JournalEvidence(VigieSettings settings, RiskEngine engine, OwnJournalAppends own, TimeProvider clock, ILogger<JournalEvidence> logger)
    : BackgroundService
{
    private long _cursor = -1;

    /// <summary>The last journal sequence the engine has taken in.</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await WarmAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPasses.RunAsync(settings.Detection.SyncInterval, clock, passAtStart: false, PullAsync, e =>
        {
            if (e is not (System.Data.Common.DbException or InvalidOperationException or TimeoutException))
            {
                return false;
            }

            // The database is away: the engine judges on what it has, and the next pass resumes from the cursor.
            LogMessages.EvidencePullFailed(logger, Cursor, e.GetType().Name);
            return true;
        }, stoppingToken);

    /// <summary>One pass: learns the accesses other nodes journaled since the cursor; this node's own are skipped.</summary>
    internal async Task PullAsync(CancellationToken ct)
    {
        await using var db = StorageSetup.CreateContext(settings);
        await ReadAsync(db, progress: false, ct).ConfigureAwait(false);
        own.Forget(Cursor);
    }

    internal async Task WarmAsync(CancellationToken ct)
    {
        var days = settings.Detection.WarmStartDays;
        await using var db = StorageSetup.CreateContext(settings);
        var from = clock.GetUtcNow().AddDays(-Math.Max(0, days));
        var start = days <= 0
            ? await LastSequenceAsync(db, ct).ConfigureAwait(false)
            : await JournalQueries.SequenceBeforeAsync(db, from, ct).ConfigureAwait(false);
        Interlocked.Exchange(ref _cursor, start);
        if (days <= 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var (entries, events) = await ReadAsync(db, progress: true, ct).ConfigureAwait(false);
        LogMessages.WarmStartDone(logger, entries, events, days, Cursor, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Reads the journal from the cursor to its end in batches, turns each request's entries into an access and has
    /// the engine learn it. Returns the entries read and the accesses learnt.
    /// </summary>
    private async Task<(long Entries, long Events)> ReadAsync(VigieDbContext db, bool progress, CancellationToken ct)
    {
        var batch = Math.Max(100, settings.Detection.JournalBatch);
        var mapping = new JournalAccessEvents();
        var pending = new List<AccessEvent>();
        var stepUps = new List<SharedStepUp>();
        long entries = 0, events = 0;
        while (true)
        {
            // An own entry in the page was committed before the read ended, so its append was registered before then:
            // it has ended (range recorded) or is in flight now. Once those end, every entry read is known to be
            // this node's or another's.
            var (records, last, full) = await JournalQueries.PageAsync(db, Cursor, JournalAccessEvents.Actions, batch, ct).ConfigureAwait(false);
            await own.InFlight().WaitAsync(ct).ConfigureAwait(false);
            foreach (var record in records)
            {
                if (own.IsOwn(record.Sequence))
                {
                    continue;
                }

                if (mapping.Add(record.Entry) is { } access)
                {
                    pending.Add(access);
                }

                // Only in the live pull: at start, yesterday's unanswered step-ups are history, not sessions to hold.
                if (!progress && JournalAccessEvents.StepUpOf(record.Entry) is { } stepUp)
                {
                    stepUps.Add(stepUp);
                }
            }

            if (!full && mapping.Flush() is { } lastAccess)
            {
                pending.Add(lastAccess);
            }

            events += await LearnAsync(db, pending, ct).ConfigureAwait(false);
            pending.Clear();

            // After the page's accesses are learnt, so that the session they belong to is known here.
            foreach (var stepUp in stepUps)
            {
                engine.ShareStepUp(stepUp.Professional, stepUp.Session, stepUp.At, stepUp.Reasons);
            }

            stepUps.Clear();
            entries += records.Count;
            Interlocked.Exchange(ref _cursor, last);
            if (progress && records.Count > 0)
            {
                LogMessages.WarmStartProgress(logger, entries, events, last);
            }

            if (!full)
            {
                return (entries, events);
            }
        }
    }

    private async Task<int> LearnAsync(VigieDbContext db, List<AccessEvent> accesses, CancellationToken ct)
    {
        if (accesses.Count == 0)
        {
            return 0;
        }

        var facts = await PatientFactsLoader.LoadAsync(db, [.. accesses.SelectMany(a => a.Patients).Select(p => p.Value).Distinct()], ct).ConfigureAwait(false);
        foreach (var access in accesses)
        {
            engine.Learn(access, facts);
        }

        return accesses.Count;
    }

    private static async Task<long> LastSequenceAsync(VigieDbContext db, CancellationToken ct) =>
        await db.JournalEntries.MaxAsync(e => (long?)e.Sequence, ct).ConfigureAwait(false) ?? -1;
}
