using System.Diagnostics;
using System.Globalization;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Hosting;
using Vigie.Registry;
using Vigie.Simulation.Identities;
using Vigie.Storage.Journal;
using Vigie.Storage.Registry;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// The registry scenario's registration loop: chunks of 1,000, one transaction each, pipelined (each chunk planned while
/// the previous one writes and commits, decision 0018) or, with --sequential, one after the other. Every 50 chunks it
/// logs where the time went per phase, and what no phase covers ("other": context creation and disposal, the
/// benchmark's own request building; negative when pipelined, since planning and writing overlap).
/// </summary>
internal static class RegistryRegistration
{
    private const int Chunk = 1000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The regional identity of each record registered (null before <paramref name="from"/>), the time and the last tenth's rate.</summary>
    /// <param name="settings">Where the register is.</param>
    /// <param name="records">Every record; those from <paramref name="from"/> on are registered.</param>
    /// <param name="from">The first record to register.</param>
    /// <param name="model">The stored match model, scaled to the register as it fills.</param>
    /// <param name="newId">Regional ids.</param>
    /// <param name="createdBefore">Identities already in the register.</param>
    /// <param name="snapshot">A snapshot to save part-way, or null.</param>
    /// <param name="checkpointInCommit">SQLite's automatic checkpoint inside each commit (the behaviour before decision 0014).</param>
    /// <param name="sequential">Each chunk planned after the previous one commits (the behaviour before decision 0018).</param>
    public static async Task<(string?[] IdentityOf, double Seconds, double LastTenthRate)> RegisterAsync(
        VigieSettings settings, GeneratedRecord[] records, int from, MatchModel model, Func<PatientId> newId, long createdBefore, RegistrySnapshot? snapshot,
        bool checkpointInCommit, bool sequential)
    {
        var identityOf = new string?[records.Length];
        var phases = new RegistrationPhases();
        var lastPhases = phases.Snapshot();
        var lastReport = TimeSpan.Zero;
        long lastCandidates = 0;
        var stopwatch = Stopwatch.StartNew();
        var lastTenthStart = from + ((records.Length - from) * 9 / 10);
        var lastTenthTime = TimeSpan.Zero;
        var createdSoFar = createdBefore;
        var checkpoints = new WalCheckpoints(() => StorageSetup.CreateContext(settings), NullLogger.Instance); // as the server does
        var done = from;
        long candidatesAtPreviousCommit = 0;

        // Called once a chunk has committed, in order: records its outcomes and every 50 chunks where the time went.
        void Committed(IReadOnlyList<RegistrationOutcome> outcomes)
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                identityOf[done + i] = outcomes[i].Identity.Value;
            }

            done += outcomes.Count;

            // Pipelined, a chunk's outcomes arrive once the next chunk is planned, so the count of candidate rows read
            // then includes the next chunk's; the count at the previous chunk's commit is the count through this one.
            var candidatesNow = phases.Counts.GetValueOrDefault("candidates");
            var candidates = sequential ? candidatesNow : candidatesAtPreviousCommit;
            candidatesAtPreviousCommit = candidatesNow;
            // Pipelined, the last tenth's first chunk starts planning when the chunk two before it has committed (it
            // overlaps the write of the one just before): its clock starts there, which counts that write against it.
            if (done >= lastTenthStart - (sequential ? 0 : Chunk) && lastTenthTime == TimeSpan.Zero)
            {
                lastTenthTime = stopwatch.Elapsed;
            }

            if (((done - from) / Chunk) % 50 == 0)
            {
                var now = phases.Snapshot();
                var window = stopwatch.Elapsed - lastReport;
                var perPhase = now.Select(p => (p.Phase, Ms: (p.Time - lastPhases.FirstOrDefault(l => l.Phase == p.Phase).Time).TotalMilliseconds / 50)).ToList();
                var other = (window.TotalMilliseconds / 50) - perPhase.Sum(p => p.Ms);
                var text = string.Join(", ", perPhase.Select(p => string.Create(Inv, $"{p.Phase} {p.Ms:F0}")))
                    + string.Create(Inv, $", {(sequential ? "other" : "other (negative: phases overlapped)")} {other:F0}, wall {window.TotalMilliseconds / 50:F0}");
                text += string.Create(Inv, $"; candidate rows/chunk {(candidates - lastCandidates) / 50}");
                lastCandidates = candidates;
                Log($"  registered {done:N0}: {(done - from) / stopwatch.Elapsed.TotalSeconds:F0}/s overall, {50 * Chunk / window.TotalSeconds:F0}/s last 50 chunks; ms/chunk: {text}");
                (lastPhases, lastReport) = (now, stopwatch.Elapsed);
            }
        }

        // A snapshot is taken between two runs, when every chunk before it has committed.
        var segments = snapshot is not null && snapshot.At > from && snapshot.At < records.Length
            ? new[] { (from, snapshot.At), (snapshot.At, records.Length) }
            : [(from, records.Length)];
        foreach (var (start, end) in segments)
        {
            if (snapshot is not null && start == snapshot.At)
            {
                stopwatch.Stop();
                await checkpoints.DrainAsync(); // its connection must be closed with the others, or the WAL stays beside the file
                await snapshot.SaveAsync(settings.DataDirectory);
                stopwatch.Start();
            }

            var chunks = Chunks(records, start, end);
            if (sequential)
            {
                foreach (var requests in chunks)
                {
                    await using var db = StorageSetup.CreateContext(settings);
                    // As the server does (MatchModelProvider), the prior follows the register's size as it fills.
                    var scaled = MatchModelProvider.ScaleToRegister(model, createdSoFar);
                    var registration = new IdentityRegistration(db, TimeProvider.System, newId, () => scaled, MatchThresholds.Default) { Phases = phases, Checkpoints = checkpointInCommit ? null : checkpoints };
                    var outcomes = await registration.RegisterAsync(requests, CancellationToken.None);
                    createdSoFar += outcomes.Count(o => o.Kind == RegistrationKind.Created);
                    Committed(outcomes);
                }
            }
            else
            {
                var createdAtStart = createdSoFar;
                var pipeline = new PipelinedRegistration(() => StorageSetup.CreateContext(settings), TimeProvider.System, newId,
                    created => MatchModelProvider.ScaleToRegister(model, createdAtStart + created), MatchThresholds.Default)
                {
                    Phases = phases,
                    Checkpoints = checkpointInCommit ? null : checkpoints,
                };
                await pipeline.RegisterAsync(chunks, outcomes =>
                {
                    createdSoFar += outcomes.Count(o => o.Kind == RegistrationKind.Created);
                    Committed(outcomes);
                }, CancellationToken.None);
            }
        }

        await checkpoints.DrainAsync(); // the last checkpoint is part of the work
        var total = stopwatch.Elapsed;
        var lastTenthRate = (records.Length - lastTenthStart) / Math.Max((total - lastTenthTime).TotalSeconds, 1e-6);
        return (identityOf, total.TotalSeconds, lastTenthRate);
    }

    private static IEnumerable<IReadOnlyList<RegistrationRequest>> Chunks(GeneratedRecord[] records, int start, int end)
    {
        for (var at = start; at < end; at += Chunk)
        {
            yield return records.AsSpan(at, Math.Min(Chunk, end - at)).ToArray()
                .Select(r => new RegistrationRequest(r.Establishment.Finess.Value, r.Ipp, r.Traits, r.Status, IdentityFlags.None, r.Ins)).ToList();
        }
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(message.ToString(Inv));
}
