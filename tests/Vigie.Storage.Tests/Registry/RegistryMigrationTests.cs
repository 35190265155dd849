using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Simulation.Identities;
using Vigie.Storage.Registry;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Registry;

/// <summary>The registry's migrations applied to a database that already holds registrations.</summary>
public sealed class RegistryMigrationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string DropIndexMigration = "_LeanIdentityIndexes";
    private const string DroppedIndex = "IX_identities_FirstGivenName_Sex";
    private const string UsedNameIndex = "IX_identities_UsedName_BirthDate";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LeanIdentityIndexes_OnARegisterWithData_KeepsItAndRegistrationGoesOn(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var generator = new SyntheticIdentityGenerator(11, new DateOnly(2026, 1, 1));
        var records = generator.GenerateBatch(600);
        var model = MatchModelEstimator.Estimate(MatchModelEstimator.SampleTrainingPairs(records.Select(r => MatchRecord.From(r.Traits)).ToList(), new Random(1), 20_000));
        await using (var db = database.NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith(DropIndexMigration, StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            Assert.Equal(1, await IndexCountAsync(db, provider));
            Assert.DoesNotContain("NULL", await IndexDefinitionAsync(db, provider, UsedNameIndex), StringComparison.OrdinalIgnoreCase);
            db.Establishments.AddRange(generator.Establishments.Select(e => new EstablishmentRow { Finess = e.Finess.Value, Name = e.Name, IppSystem = e.IppSystem }));
            await db.SaveChangesAsync();
        }

        var ids = 0;
        await RegisterAsync(database, records[..300], model, () => new PatientId("p-" + ids++));
        var createdBeforeMigration = ids;
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            Assert.Equal(0, await IndexCountAsync(db, provider));
            Assert.Contains("IS NOT NULL", await IndexDefinitionAsync(db, provider, UsedNameIndex), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(300, await db.LocalRecords.CountAsync());
        }

        // Registering again the records already in, then the rest: the old rows are still found and matched.
        var again = await RegisterAsync(database, records[..300], model, () => new PatientId("p-" + ids++));
        Assert.All(again, o => Assert.Equal(RegistrationKind.AlreadyRegistered, o.Kind));
        var rest = await RegisterAsync(database, records[300..], model, () => new PatientId("p-" + ids++));
        Assert.Contains(rest, o => o.Kind == RegistrationKind.Linked && int.Parse(o.Identity.Value[2..], System.Globalization.CultureInfo.InvariantCulture) < createdBeforeMigration);
        await using var read = database.NewContext();
        Assert.Equal(records.Length, await read.LocalRecords.CountAsync());
        Assert.Equal(ids, await read.Identities.CountAsync());
    }

    private static async Task<IReadOnlyList<RegistrationOutcome>> RegisterAsync(TestDatabase database, GeneratedRecord[] records, MatchModel model, Func<PatientId> newId)
    {
        await using var db = database.NewContext();
        var registration = new IdentityRegistration(db, TimeProvider.System, newId, () => model, MatchThresholds.Default);
        return await registration.RegisterAsync(
            records.Select(r => new RegistrationRequest(r.Establishment.Finess.Value, r.Ipp, r.Traits, r.Status, IdentityFlags.None, r.Ins)).ToList(), CancellationToken.None);
    }

    private static Task<int> IndexCountAsync(VigieDbContext db, string provider) =>
        provider == TestDatabase.Postgres
            ? db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = {DroppedIndex}").SingleAsync()
            : db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = {DroppedIndex}").SingleAsync();

    private static Task<string> IndexDefinitionAsync(VigieDbContext db, string provider, string index) =>
        provider == TestDatabase.Postgres
            ? db.Database.SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = {index}").SingleAsync()
            : db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = {index}").SingleAsync();
}
