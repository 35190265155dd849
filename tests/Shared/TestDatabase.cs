using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Storage;
using Vigie.Storage.Postgres;
using Vigie.Storage.Sqlite;

namespace Vigie.Testing;

/// <summary>
/// A real database owned by one test: a fresh SQLite file in a temporary directory, or a fresh PostgreSQL
/// database created on the server named by VIGIE_TEST_POSTGRES. Without that variable PostgreSQL tests are
/// skipped with the reason printed, except under CI=true, where they fail: CI must test both providers.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string dataDirectory, string? postgresConnectionString, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        PostgresConnectionString = postgresConnectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    /// <summary>Both providers, for [Theory] [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))].</summary>
    public static TheoryData<string> Providers => new(Sqlite, Postgres);

    public string Provider { get; }

    /// <summary>A fresh temporary directory, also the SQLite data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Set for PostgreSQL only.</summary>
    public string? PostgresConnectionString { get; }

    public DbContextOptions<VigieDbContext> Options
    {
        get
        {
            var builder = new DbContextOptionsBuilder<VigieDbContext>();
            if (PostgresConnectionString is not null)
            {
                PostgresStorage.Configure(builder, PostgresConnectionString);
            }
            else
            {
                SqliteStorage.Configure(builder, SqliteStorage.ConnectionStringFor(DataDirectory));
            }

            return builder.Options;
        }
    }

    public VigieDbContext NewContext() => new(Options);

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigie-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        TestDatabase db;
        if (provider == Postgres)
        {
            var admin = Environment.GetEnvironmentVariable("VIGIE_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(admin))
            {
                const string reason = "PostgreSQL tests need VIGIE_TEST_POSTGRES (e.g. Host=127.0.0.1;Username=vigie;Password=vigie;Database=vigie); .ci/run sets it up";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail("CI=true but " + reason);
                }

                Assert.Skip(reason);
            }

            var name = "vigie_t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The name is "vigie_t_" + hex digits of a Guid: no outside input reaches this SQL.
                command.CommandText = $"CREATE DATABASE {name}";
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            db = new TestDatabase(provider, directory, builder.ConnectionString, admin, name);
        }
        else
        {
            db = new TestDatabase(provider, directory, null, null, null);
        }

        if (migrate)
        {
            await using var context = db.NewContext();
            await context.Database.MigrateAsync();
        }

        return db;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnectionPools.Clear();
        if (_adminConnectionString is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(_adminConnectionString, _databaseName);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection: the OS temp cleaner will take it.
        }
    }

    /// <summary>
    /// DROP ... WITH (FORCE) terminates the other sessions on the database. When one of them is an autovacuum
    /// worker (owned by the superuser), a non-superuser test role gets 42501 "must be a member of the role whose
    /// process is being terminated". The worker ends on its own within moments, so the drop is simply retried.
    /// </summary>
    private static async Task DropDatabaseAsync(string adminConnectionString, string databaseName)
    {
        const int attempts = 50;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(adminConnectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Same generated name as in CreateAsync.
                command.CommandText = $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)";
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse
                                              && attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static class SqliteConnectionPools
    {
        public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
