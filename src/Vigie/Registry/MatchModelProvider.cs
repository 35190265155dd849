using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Matching;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// Holds the Fellegi–Sunter model in use. The newest stored model wins. A registry with no model yet gets a
/// bootstrap model, estimated by EM (never hand-set) on a seeded synthetic population, until `vigie import`
/// or `vigie duplicates --estimate` re-estimates it on the registry's own records.
/// </summary>
internal sealed class MatchModelProvider(ILogger<MatchModelProvider> logger, TimeProvider clock)
{
    /// <summary>How often the register size used to rescale the prior is re-counted.</summary>
    public static readonly TimeSpan RecountEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private MatchModel? _estimated;
    private MatchModel? _scaled;
    private DateTimeOffset _countedAt;

    /// <summary>The model in use, its prior rescaled to the current number of active identities.</summary>
    public MatchModel Current(VigieDbContext db)
    {
        lock (_gate)
        {
            _estimated ??= LoadOrBootstrap(db);
            var now = clock.GetUtcNow();
            if (_scaled is null || now - _countedAt >= RecountEvery)
            {
                _scaled = ScaleToRegister(_estimated, db.Identities.LongCount(i => i.Active));
                _countedAt = now;
            }

            return _scaled;
        }
    }

    /// <summary>
    /// The prior λ of a pair being a match falls as 1/(n − 1) with the register size n (decision 0003). A register
    /// smaller than the training population keeps the training prior: the model is never made more confident
    /// than the data it was estimated on, which protects small registers from over-eager automatic links.
    /// </summary>
    public static MatchModel ScaleToRegister(MatchModel model, long activeIdentities) =>
        model.ForRegisterSize(Math.Max(Math.Max(activeIdentities, model.TrainingRecords), 2));

    private MatchModel LoadOrBootstrap(VigieDbContext db)
    {
        var row = db.MatchModels.AsNoTracking().OrderByDescending(m => m.Id).FirstOrDefault();
        if (row is not null)
        {
            // A model of another comparison schema (stored by an older build: vigie-fs/1 had fewer fields) cannot be
            // read, and refusing to start would take registration and $match down for a model EM re-estimates in
            // seconds. Its row is kept (history); the bootstrap model stored after it becomes the newest.
            var version = StoredVersion(row.Json);
            if (string.Equals(version, MatchModel.CurrentVersion, StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<MatchModel>(row.Json) ?? throw new InvalidDataException("stored match model is empty");
            }

            LogMessages.MatchModelOutdated(logger, row.Id, version ?? "none", MatchModel.CurrentVersion);
        }

        var (bootstrap, pairs, records) = ModelEstimation.EstimateOnSyntheticPopulation(seed: 20250901);
        Save(db, bootstrap, pairs, records, "bootstrap: synthetic population");
        return bootstrap;
    }

    /// <summary>The schema version a stored model's JSON declares, or null when it has none.</summary>
    private static string? StoredVersion(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(nameof(MatchModel.Version), out var version)
            && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
    }

    /// <summary>Stores a newly estimated model and makes it current.</summary>
    public void Store(VigieDbContext db, MatchModel model, int pairs, int records, string source)
    {
        Save(db, model, pairs, records, source);
        lock (_gate)
        {
            _estimated = model;
            _scaled = null;
        }
    }

    private void Save(VigieDbContext db, MatchModel model, int pairs, int records, string source)
    {
        db.MatchModels.Add(new MatchModelRow
        {
            Json = JsonSerializer.Serialize(model),
            TrainingPairs = pairs,
            RecordCount = records,
            EstimatedAt = clock.GetUtcNow(),
        });
        db.SaveChanges();
        LogMessages.MatchModelEstimated(logger, pairs, records, source);
    }
}
