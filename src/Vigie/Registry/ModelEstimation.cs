using Microsoft.EntityFrameworkCore;
using Vigie.Core.Matching;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// Estimates the Fellegi–Sunter m/u probabilities by EM, on the registry's own identities or, for a registry
/// too small to learn from, on a seeded synthetic population with the same kinds of duplicates.
/// </summary>
internal static class ModelEstimation
{
    /// <summary>Below this many identities the registry's own data is too thin for EM; the bootstrap model stays.</summary>
    public const int MinimumRecords = 2_000;
    public const int MaxTrainingPairs = 400_000;

    public sealed record Estimate(MatchModel Model, int Pairs, int Records);

    public static async Task<Estimate> EstimateOnRegistryAsync(VigieDbContext db, MatchModelProvider models, CancellationToken ct)
    {
        var records = await LoadActiveRecordsAsync(db, ct).ConfigureAwait(false);
        if (records.Records.Count < MinimumRecords)
        {
            var current = models.Current(db);
            return new Estimate(current, 0, records.Records.Count);
        }

        var pairs = MatchModelEstimator.SampleTrainingPairs(records.Records, new Random(records.Records.Count), MaxTrainingPairs);
        var model = MatchModelEstimator.Estimate(pairs);
        models.Store(db, model, pairs.Count, records.Records.Count, "registry");
        return new Estimate(model, pairs.Count, records.Records.Count);
    }

    public static (MatchModel Model, int Pairs, int Records) EstimateOnSyntheticPopulation(int seed)
    {
        var records = SyntheticTraining.Records(seed, persons: 20_000);
        var pairs = MatchModelEstimator.SampleTrainingPairs(records, new Random(seed), MaxTrainingPairs);
        return (MatchModelEstimator.Estimate(pairs), pairs.Count, records.Count);
    }

    /// <param name="Ids">Regional ids, aligned with <paramref name="Records"/>.</param>
    /// <param name="Records">Match features.</param>
    /// <param name="Ins">The INS of each qualified identity, else null: two different INS are never duplicates.</param>
    public sealed record ActiveRecords(IReadOnlyList<string> Ids, IReadOnlyList<MatchRecord> Records, IReadOnlyList<string?> Ins)
    {
        /// <summary>True when both identities are qualified with different INS numbers: two persons for certain.</summary>
        public bool DifferentIns(int a, int b) => Ins[a] is { } x && Ins[b] is { } y && x != y;
    }

    /// <summary>Every active identity as a MatchRecord, streamed in id order with bounded memory per page.</summary>
    public static async Task<ActiveRecords> LoadActiveRecordsAsync(VigieDbContext db, CancellationToken ct, IProgress<int>? progress = null)
    {
        var ids = new List<string>();
        var records = new List<MatchRecord>();
        var ins = new List<string?>();
        await foreach (var row in db.Identities.AsNoTracking().Where(i => i.Active).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            ids.Add(row.Id);
            records.Add(MatchRecord.From(row.ToDomain().Traits));
            ins.Add(row.Status == (int)Vigie.Core.Identity.IdentityStatus.Qualified ? row.InsValue : null);
            if (records.Count % 100_000 == 0)
            {
                progress?.Report(records.Count);
            }
        }

        return new ActiveRecords(ids, records, ins);
    }
}
