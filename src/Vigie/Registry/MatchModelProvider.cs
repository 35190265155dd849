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
    private MatchModel? _current;

    public MatchModel Current(VigieDbContext db)
    {
        if (_current is { } model)
        {
            return model;
        }

        var row = db.MatchModels.AsNoTracking().OrderByDescending(m => m.Id).FirstOrDefault();
        if (row is not null)
        {
            return _current = JsonSerializer.Deserialize<MatchModel>(row.Json) ?? throw new InvalidDataException("stored match model is empty");
        }

        var (bootstrap, pairs, records) = ModelEstimation.EstimateOnSyntheticPopulation(seed: 20250901);
        Store(db, bootstrap, pairs, records, "bootstrap: synthetic population");
        return _current = bootstrap;
    }

    /// <summary>Stores a newly estimated model and makes it current.</summary>
    public void Store(VigieDbContext db, MatchModel model, int pairs, int records, string source)
    {
        db.MatchModels.Add(new MatchModelRow
        {
            Json = JsonSerializer.Serialize(model),
            TrainingPairs = pairs,
            RecordCount = records,
            EstimatedAt = clock.GetUtcNow(),
        });
        db.SaveChanges();
        _current = model;
        LogMessages.MatchModelEstimated(logger, pairs, records, source);
    }
}
