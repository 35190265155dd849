using Microsoft.EntityFrameworkCore;
using Vigie.Storage.Access;
using Vigie.Storage.Detection;
using Vigie.Storage.Journal;
using Vigie.Storage.Notices;
using Vigie.Storage.Registry;

namespace Vigie.Storage;

/// <summary>
/// The one DbContext. The model is provider-neutral; each provider project carries its own migrations set.
/// </summary>
public sealed class VigieDbContext(DbContextOptions<VigieDbContext> options) : DbContext(options)
{
    public DbSet<IdentityRow> Identities => Set<IdentityRow>();
    public DbSet<EstablishmentRow> Establishments => Set<EstablishmentRow>();
    public DbSet<LocalRecordRow> LocalRecords => Set<LocalRecordRow>();
    public DbSet<BlockingKeyRow> BlockingKeys => Set<BlockingKeyRow>();
    public DbSet<DuplicateCandidateRow> DuplicateCandidates => Set<DuplicateCandidateRow>();
    public DbSet<MergeEventRow> MergeEvents => Set<MergeEventRow>();
    public DbSet<MatchModelRow> MatchModels => Set<MatchModelRow>();
    public DbSet<ProfessionalRow> Professionals => Set<ProfessionalRow>();
    public DbSet<BreakTheGlassRow> BreakTheGlass => Set<BreakTheGlassRow>();
    public DbSet<ContactDisclosureRow> ContactDisclosures => Set<ContactDisclosureRow>();
    public DbSet<JournalEntryRow> JournalEntries => Set<JournalEntryRow>();
    public DbSet<JournalCheckpointRow> JournalCheckpoints => Set<JournalCheckpointRow>();
    public DbSet<JournalNodeRow> JournalNodes => Set<JournalNodeRow>();
    public DbSet<JournalStateRow> JournalState => Set<JournalStateRow>();
    public DbSet<ContainmentRow> Containments => Set<ContainmentRow>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<CanaryRow> Canaries => Set<CanaryRow>();
    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();
    public DbSet<NoticeRunLockRow> NoticeRuns => Set<NoticeRunLockRow>();
    public DbSet<PhishingReportRow> PhishingReports => Set<PhishingReportRow>();
    public DbSet<PhishingCampaignRow> PhishingCampaigns => Set<PhishingCampaignRow>();
    public DbSet<PhishingCampaignKeyRow> PhishingCampaignKeys => Set<PhishingCampaignKeyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no time type: EF stores DateTimeOffset as text, which cannot be compared or ordered in SQL.
        // Time windows (journal, detection) are range queries, so SQLite stores them as sortable 64-bit numbers.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VigieDbContext).Assembly);

        // The built-in identity provider's stores (clients, authorizations, tokens); empty unless it is enabled.
        modelBuilder.UseOpenIddict();

        // Name prefix search is a range scan (name >= 'DUP' AND name < 'DUQ'), which needs byte order.
        // SQLite compares with BINARY already; PostgreSQL's database collation may be linguistic, so the
        // searched columns are pinned to "C" there. This is the one provider-aware line of the model.
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            var identity = modelBuilder.Entity<IdentityRow>();
            identity.Property(x => x.BirthName).UseCollation("C");
            identity.Property(x => x.UsedName).UseCollation("C");
            identity.Property(x => x.FirstGivenName).UseCollation("C");
            identity.Property(x => x.GivenNames).UseCollation("C");
        }
    }
}
