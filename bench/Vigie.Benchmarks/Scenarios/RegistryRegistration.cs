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
/// The registry scenario's registration loop: chunks of 1,000, one transaction each, as an import does. Every 50
/// chunks it logs where the time went per phase, including what no phase covers ("other": context creation and
/// disposal, the benchmark's own request building), so that nothing at a million identities goes unattributed.
/// </summary>
internal static class RegistryRegistration
{
    private const int Chunk = 1000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The regional identity of each record registered (null before <paramref name="from"/>), the time and the last tenth's rate.</summary>
    public static async Task<(string?[] IdentityOf, double Seconds, double LastTenthRate)> RegisterAsync(
        VigieSettings settings, GeneratedRecord[] records, int from, MatchModel model, Func<PatientId> newId, long createdBefore, RegistrySnapshot? snapshot,
        bool checkpointInCommit)
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
        for (var start = from; start < records.Length; start += Chunk)
        {
            if (snapshot is not null && start == snapshot.At)
            {
                stopwatch.Stop();
                await checkpoints.DrainAsync(); // its connection must be closed with the others, or the WAL stays beside the file
                await snapshot.SaveAsync(settings.DataDirectory);
                stopwatch.Start();
            }

            if (start >= lastTenthStart && lastTenthTime == TimeSpan.Zero)
            {
                lastTenthTime = stopwatch.Elapsed;
            }

            var slice = records.AsSpan(start, Math.Min(Chunk, records.Length - start)).ToArray();
            var requests = slice.Select(r => new RegistrationRequest(r.Establishment.Finess.Value, r.Ipp, r.Traits, r.Status, IdentityFlags.None, r.Ins)).ToList();
            await using (var db = StorageSetup.CreateContext(settings))
            {
                // As the server does (MatchModelProvider), the prior follows the register's size as it fills.
                var scaled = MatchModelProvider.ScaleToRegister(model, createdSoFar);
                var registration = new IdentityRegistration(db, TimeProvider.System, newId, () => scaled, MatchThresholds.Default) { Phases = phases, Checkpoints = checkpointInCommit ? null : checkpoints };
                var outcomes = await registration.RegisterAsync(requests, CancellationToken.None);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    identityOf[start + i] = outcomes[i].Identity.Value;
                    createdSoFar += outcomes[i].Kind == RegistrationKind.Created ? 1 : 0;
                }
            }

            if (((start - from) / Chunk) % 50 == 49)
            {
                var now = phases.Snapshot();
                var window = stopwatch.Elapsed - lastReport;
                var perPhase = now.Select(p => (p.Phase, Ms: (p.Time - lastPhases.FirstOrDefault(l => l.Phase == p.Phase).Time).TotalMilliseconds / 50)).ToList();
                var other = (window.TotalMilliseconds / 50) - perPhase.Sum(p => p.Ms);
                var text = string.Join(", ", perPhase.Select(p => string.Create(Inv, $"{p.Phase} {p.Ms:F0}"))) + string.Create(Inv, $", other {other:F0}");
                var candidates = phases.Counts.GetValueOrDefault("candidates");
                text += string.Create(Inv, $"; candidate rows/chunk {(candidates - lastCandidates) / 50}");
                lastCandidates = candidates;
                var done = start + slice.Length - from;
                Log($"  registered {start + slice.Length:N0}: {done / stopwatch.Elapsed.TotalSeconds:F0}/s overall, {50 * Chunk / window.TotalSeconds:F0}/s last 50 chunks; ms/chunk: {text}");
                (lastPhases, lastReport) = (now, stopwatch.Elapsed);
            }
        }

        await checkpoints.DrainAsync(); // the last checkpoint is part of the work
        var total = stopwatch.Elapsed;
        var lastTenthRate = (records.Length - lastTenthStart) / Math.Max((total - lastTenthTime).TotalSeconds, 1e-6);
        return (identityOf, total.TotalSeconds, lastTenthRate);
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(message.ToString(Inv));
}
