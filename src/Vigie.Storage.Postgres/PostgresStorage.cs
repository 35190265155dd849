using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vigie.Storage.Postgres;

/// <summary>PostgreSQL, for a region that outgrows one machine: several stateless nodes share one database.</summary>
public static class PostgresStorage
{
    /// <summary>Configures a context for PostgreSQL with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Collections travel as one array parameter (= ANY(@p)): see SqliteStorage for why.
        return builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name)
            .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
    }
}

/// <summary>Used by `dotnet ef migrations add` only; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<VigieDbContext>
{
    public VigieDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<VigieDbContext>();
        PostgresStorage.Configure(builder, "Host=127.0.0.1;Database=vigie_design");
        return new VigieDbContext(builder.Options);
    }
}
