using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Registry;

/// <summary>
/// Registers a sequence of chunks, one transaction each, with the outcomes <see cref="IdentityRegistration.RegisterAsync"/>
/// gives chunk after chunk, but plans each chunk (its reads and its scoring, on a second connection) while the previous
/// chunk writes and commits (decision 0018). Planning only reads, and SQLite's WAL (like PostgreSQL) lets a reader run
/// beside the one writer; the chunk being written is handed to the next plan, which matches against its rows in memory
/// whether or not its commit is visible yet. At a million identities a chunk's reads and scoring (about 250 ms) and its
/// write and commit (about 320 ms) then overlap instead of adding up.
/// </summary>
/// <param name="newContext">Creates the writer's and the reader's contexts (two connections), disposed at the end.</param>
/// <param name="clock">Registration times.</param>
/// <param name="newId">Regional id generator, called in chunk order.</param>
/// <param name="modelFor">The match model for the next chunk, given the identities created by the chunks planned before it
/// (the prior follows the register's size, as in an import).</param>
/// <param name="thresholds">Grade thresholds.</param>
public sealed class PipelinedRegistration(Func<VigieDbContext> newContext, TimeProvider clock, Func<PatientId> newId, Func<long, MatchModel> modelFor, MatchThresholds thresholds)
{
    /// <summary>When set, each phase's time is added to it; planning and writing overlap, so phases add up to more than the time spent.</summary>
    public RegistrationPhases? Phases { get; init; }

    /// <summary>SQLite's background checkpoints, as in <see cref="IdentityRegistration.Checkpoints"/>.</summary>
    public WalCheckpoints? Checkpoints { get; init; }

    /// <summary>
    /// Registers every chunk in order, each in its own transaction. <paramref name="committed"/> receives each chunk's
    /// outcomes once that chunk has committed, in order. A chunk that fails stops the run: the chunks before it stay
    /// committed, it and the ones after are not written (the next chunk's plan is discarded), as when registering
    /// chunk after chunk.
    /// </summary>
    public async Task RegisterAsync(IEnumerable<IReadOnlyList<RegistrationRequest>> chunks, Action<IReadOnlyList<RegistrationOutcome>> committed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(committed);
        var writer = newContext();
        await using (writer.ConfigureAwait(false))
        {
            var reader = newContext();
            await using (reader.ConfigureAwait(false))
            {
                if (Checkpoints is not null)
                {
                    await WalCheckpoints.DeferOnAsync(writer, ct).ConfigureAwait(false);
                }

                // The reader keeps one connection: each query still reads the latest commit (no transaction is held).
                await reader.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
                long created = 0;
                var registration = new IdentityRegistration(writer, clock, newId, () => modelFor(created), thresholds)
                {
                    Phases = Phases,
                    Checkpoints = Checkpoints,
                };
                await RunAsync(registration, reader, chunks, committed, outcomes => created += outcomes.Count(o => o.Kind == RegistrationKind.Created), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(IdentityRegistration registration, VigieDbContext reader, IEnumerable<IReadOnlyList<RegistrationRequest>> chunks,
        Action<IReadOnlyList<RegistrationOutcome>> committed, Action<IReadOnlyList<RegistrationOutcome>> planned, CancellationToken ct)
    {
        (IReadOnlyList<RegistrationOutcome> Outcomes, PendingRows Rows)? toWrite = null;
        using var next = chunks.GetEnumerator();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var requests = next.MoveNext() ? next.Current : null;
            if (toWrite is null && requests is null)
            {
                return;
            }

            if (toWrite is not null && Checkpoints is not null)
            {
                // Before the reader starts: SQLite restarts the WAL only if no reader holds a snapshot in it (0016), and
                // nothing runs here, so the wait (about one chunk in 17 at a million) leaves the restart certain.
                var restart = Stopwatch.GetTimestamp();
                await Checkpoints.RestartLogIfOverAsync(IdentityRegistration.MaxWalFrames).ConfigureAwait(false);
                Phases?.Add("WAL restart", restart);
            }

            // SQLite's async calls complete synchronously: each side needs a thread of its own to overlap.
            var rows = toWrite?.Rows;
            var writing = rows is null ? Task.CompletedTask : Task.Run(() => registration.CommitAsync(rows, ct), ct);
            var planning = requests is null ? null : Task.Run(() => registration.PlanOnAsync(reader, requests, rows, ct), ct);
            try
            {
                await writing.ConfigureAwait(false);
            }
            finally
            {
                if (planning is not null)
                {
                    // Never leave the reader busy behind a failed write; its own failure surfaces below otherwise.
                    await ((Task)planning).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
                }
            }

            if (toWrite is { } done)
            {
                committed(done.Outcomes);
            }

            toWrite = planning is null ? null : await planning.ConfigureAwait(false);
            if (toWrite is { } plan)
            {
                planned(plan.Outcomes);
            }
        }
    }
}
