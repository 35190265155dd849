using Microsoft.EntityFrameworkCore;

namespace Vigie.Storage.Incidents;

/// <summary>The incident tables on the one context, without widening VigieDbContext itself.</summary>
public static class IncidentSets
{
    extension(VigieDbContext db)
    {
        public DbSet<IncidentRow> Incidents => db.Set<IncidentRow>();

        public DbSet<RequestContextRow> RequestContexts => db.Set<RequestContextRow>();

        public DbSet<ContextIndexStateRow> ContextIndexState => db.Set<ContextIndexStateRow>();

        public DbSet<CanaryHitRow> CanaryHits => db.Set<CanaryHitRow>();
    }
}
