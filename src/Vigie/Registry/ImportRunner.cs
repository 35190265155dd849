using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Core.Matching;
using Vigie.Storage;
using Vigie.Storage.Journal;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// Registers checked records chunk by chunk, reporting progress on stderr: either pipelined with one transaction per
/// chunk (the default, decision 0020) or sequentially inside one transaction (all or nothing).
/// </summary>
internal static class ImportRunner
{
    public sealed record Totals(int Created, int Linked, int Already, int Queued);

    /// <summary>
    /// One transaction per chunk through <see cref="PipelinedRegistration"/> (decision 0018): the next chunk is planned
    /// while the previous one commits, and the WAL can restart between chunks. A failure leaves the chunks before it
    /// committed; running the same file again skips their records (registration is idempotent on the local identifier).
    /// </summary>
    /// <param name="newContext">Creates the writer's and the reader's contexts.</param>
    /// <param name="clock">Registration times.</param>
    /// <param name="modelFor">The match model for the next chunk, given the identities created so far.</param>
    /// <param name="requests">Checked records.</param>
    /// <param name="chunkSize">Records per chunk (and per transaction).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Totals> RunChunkedAsync(Func<VigieDbContext> newContext, TimeProvider clock, Func<long, MatchModel> modelFor,
        IReadOnlyList<RegistrationRequest> requests, int chunkSize, CancellationToken ct)
    {
        var progress = new Progress(requests.Count);
        // As the server does: checkpoints off the commit path, and the WAL restarted between chunks (0016).
        var checkpoints = new WalCheckpoints(newContext, NullLogger.Instance);
        var pipeline = new PipelinedRegistration(newContext, clock, PatientIds.NewRandom, modelFor, MatchThresholds.Default) { Checkpoints = checkpoints };
        try
        {
            await pipeline.RegisterAsync(requests.Chunk(chunkSize), progress.Add, ct).ConfigureAwait(false);
        }
        finally
        {
            // A checkpoint still running holds a connection: the WAL would stay beside the file.
            await checkpoints.DrainAsync().ConfigureAwait(false);
        }

        return progress.Finish();
    }

    /// <summary>Sequentially, inside one transaction: the registry holds all of the file or none of it.</summary>
    /// <param name="db">The context holding the import's one transaction.</param>
    /// <param name="registrationFor">Registration for the next chunk, given the identities created so far (the prior follows the register's size).</param>
    /// <param name="requests">Checked records.</param>
    /// <param name="chunkSize">Records per chunk.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Totals> RunAtomicAsync(VigieDbContext db, Func<long, IdentityRegistration> registrationFor, IReadOnlyList<RegistrationRequest> requests, int chunkSize, CancellationToken ct)
    {
        var progress = new Progress(requests.Count);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var chunk in requests.Chunk(chunkSize))
        {
            progress.Add(await registrationFor(progress.Created).RegisterChunkAsync(chunk, ct).ConfigureAwait(false));
        }

        var totals = progress.Finish();
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return totals;
    }

    /// <summary>Counts outcomes and writes records done and rate to stderr (counts only: no identity data).</summary>
    private sealed class Progress(int total)
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private int _done, _linked, _already, _queued;

        public int Created { get; private set; }

        public void Add(IReadOnlyList<RegistrationOutcome> outcomes)
        {
            foreach (var o in outcomes)
            {
                switch (o.Kind)
                {
                    case RegistrationKind.Created: Created++; break;
                    case RegistrationKind.Linked: _linked++; break;
                    default: _already++; break;
                }

                _queued += o.QueuedForReview;
            }

            _done += outcomes.Count;
            var rate = _done / Math.Max(_stopwatch.Elapsed.TotalSeconds, 0.001);
            Console.Error.Write($"\r{_done}/{total} records ({rate:F0}/s)   ");
        }

        public Totals Finish()
        {
            Console.Error.WriteLine();
            return new Totals(Created, _linked, _already, _queued);
        }
    }
}
