using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Simulation.Identities;
using Vigie.Storage.Registry;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Registry;

/// <summary>Generated records, their match model and requests, and a register with their establishments, for registration tests.</summary>
internal static class RegistrationData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 15, 3, TimeSpan.Zero);

    public static GeneratedRecord[] Records(int count, out SyntheticIdentityGenerator generator)
    {
        generator = new SyntheticIdentityGenerator(7, new DateOnly(2026, 1, 1));
        return generator.GenerateBatch(count);
    }

    public static MatchModel Model(GeneratedRecord[] records)
    {
        var matchRecords = records.Select(r => MatchRecord.From(r.Traits)).ToList();
        return MatchModelEstimator.Estimate(MatchModelEstimator.SampleTrainingPairs(matchRecords, new Random(1), 50_000));
    }

    public static RegistrationRequest Request(GeneratedRecord r) =>
        new(r.Establishment.Finess.Value, r.Ipp, r.Traits, r.Status, IdentityFlags.None, r.Ins);

    public static async Task AddEstablishmentsAsync(TestDatabase database, SyntheticIdentityGenerator generator)
    {
        await using var db = database.NewContext();
        db.Establishments.AddRange(generator.Establishments.Select(e => new EstablishmentRow { Finess = e.Finess.Value, Name = e.Name, IppSystem = e.IppSystem }));
        await db.SaveChangesAsync();
    }
}
