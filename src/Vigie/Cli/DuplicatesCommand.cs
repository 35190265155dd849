using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Core.Matching;
using Vigie.Hosting;
using Vigie.Registry;
using Vigie.Storage.Registry;

namespace Vigie.Cli;

/// <summary>
/// `vigie duplicates`: runs the full duplicate scan over every active identity (unless --no-scan), adds newly
/// suspected pairs to the review queue, then prints the queue: with --json one JSON object per line.
/// </summary>
internal static class DuplicatesCommand
{
    public static Command Create()
    {
        var command = new Command("duplicates", "Scan for duplicate identities and print the review queue.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var json = new Option<bool>("--json") { Description = "One JSON object per line (NDJSON)" };
        var includeLinked = new Option<bool>("--include-linked") { Description = "Also list local records that were linked automatically" };
        var noScan = new Option<bool>("--no-scan") { Description = "Only print the stored queue" };
        var estimate = new Option<bool>("--estimate") { Description = "Re-estimate the match model by EM on the registry before scanning" };
        command.Options.Add(json);
        command.Options.Add(includeLinked);
        command.Options.Add(noScan);
        command.Options.Add(estimate);
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var models = new MatchModelProvider(NullLogger<MatchModelProvider>.Instance, TimeProvider.System);
            if (result.GetValue(estimate))
            {
                await ModelEstimation.EstimateOnRegistryAsync(db, models, ct).ConfigureAwait(false);
            }

            if (!result.GetValue(noScan))
            {
                var added = await ScanAsync(db, models, ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{added} new suspected pairs queued for review")).ConfigureAwait(false);
            }

            var asJson = result.GetValue(json);
            await foreach (var line in DuplicateReport.ReadAsync(db, result.GetValue(includeLinked), includeResolved: false, ct).ConfigureAwait(false))
            {
                Console.WriteLine(asJson
                    ? JsonSerializer.Serialize(line)
                    : string.Create(CultureInfo.InvariantCulture, $"{line.Kind}\t{line.IdentityA}\t{line.IdentityB}\t{line.Score:F4}\t{line.Grade}"));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Scans all active identities in memory and stores pairs at probable grade or above not yet queued.</summary>
    public static async Task<int> ScanAsync(Vigie.Storage.VigieDbContext db, MatchModelProvider models, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var model = models.Current(db);
        var active = await ModelEstimation.LoadActiveRecordsAsync(db, ct, new Progress<int>(n => Console.Error.Write($"\rloaded {n} identities   "))).ConfigureAwait(false);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\rloaded {active.Records.Count} identities in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        var scan = DuplicateScanner.Scan(active.Records, model, MatchThresholds.Default, Environment.ProcessorCount,
            new Progress<int>(p => Console.Error.Write($"\rscanning {p}%   ")), ct);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\rscanned {scan.Blocks} blocks, {scan.ComparedPairs} comparisons, {scan.SkippedBlocks} oversized blocks skipped, in {stopwatch.Elapsed.TotalSeconds:F1} s"));

        var existing = (await db.DuplicateCandidates.AsNoTracking().Select(d => new { d.IdentityA, d.IdentityB }).ToListAsync(ct).ConfigureAwait(false))
            .Select(d => (d.IdentityA, d.IdentityB)).ToHashSet();
        var now = TimeProvider.System.GetUtcNow();
        var added = 0;
        foreach (var pair in scan.Pairs.Where(p => p.Score.Grade >= MatchGrade.Probable && !active.DifferentIns(p.First, p.Second)))
        {
            var (a, b) = (active.Ids[pair.First], active.Ids[pair.Second]);
            if (string.CompareOrdinal(a, b) > 0)
            {
                (a, b) = (b, a);
            }

            if (existing.Add((a, b)))
            {
                db.DuplicateCandidates.Add(new DuplicateCandidateRow { IdentityA = a, IdentityB = b, Score = pair.Score.Score, Grade = (int)pair.Score.Grade, Status = DuplicateStatus.Open, DetectedAt = now });
                added++;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return added;
    }
}
