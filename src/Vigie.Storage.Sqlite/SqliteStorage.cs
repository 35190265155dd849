using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file under the data directory.</summary>
public static class SqliteStorage
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string FileName = "vigie.db";

    /// <summary>The connection string for the database file of a data directory.</summary>
    public static string ConnectionStringFor(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Configures a context for SQLite with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            // Collections in queries travel as one JSON parameter (json_each), not one parameter per element:
            // registration looks up thousands of keys and ids per chunk, past SQLite's variable limit, and a
            // statement whose text changes with the list size is recompiled every time.
            .UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(SqlitePragmas.Instance);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new JournalReadExtension(SqliteEntryPageReader.Instance));
        return builder;
    }
}

/// <summary>Used by `dotnet ef migrations add` only.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<VigieDbContext>
{
    public VigieDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<VigieDbContext>();
        SqliteStorage.Configure(builder, "Data Source=design.db");
        return new VigieDbContext(builder.Options);
    }
}
