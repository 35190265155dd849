using Microsoft.EntityFrameworkCore;
using Vigie.Storage;
using Vigie.Storage.Postgres;
using Vigie.Storage.Sqlite;

namespace Vigie.Hosting;

/// <summary>Chooses the provider from settings and applies that provider's migrations set at start.</summary>
internal static class StorageSetup
{
    public static void Configure(DbContextOptionsBuilder builder, VigieSettings settings)
    {
        if (settings.UsesPostgres)
        {
            PostgresStorage.Configure(builder, settings.PostgresConnectionString!);
        }
        else
        {
            Directory.CreateDirectory(settings.DataDirectory);
            SqliteStorage.Configure(builder, SqliteStorage.ConnectionStringFor(settings.DataDirectory));
        }
    }

    public static DbContextOptions<VigieDbContext> OptionsFor(VigieSettings settings)
    {
        var builder = new DbContextOptionsBuilder<VigieDbContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    public static VigieDbContext CreateContext(VigieSettings settings) => new(OptionsFor(settings));

    /// <summary>Applies pending migrations; safe to run from several nodes (each provider takes a migration lock).</summary>
    public static async Task MigrateAsync(VigieSettings settings, CancellationToken ct)
    {
        await using var db = CreateContext(settings);
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
    }
}
