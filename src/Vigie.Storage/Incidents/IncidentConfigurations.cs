using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Storage.Incidents;

internal sealed class IncidentRowConfiguration : IEntityTypeConfiguration<IncidentRow>
{
    public void Configure(EntityTypeBuilder<IncidentRow> b)
    {
        b.ToTable("incidents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(IncidentRequest.MaxTitleLength);
        b.Property(x => x.AlertId).HasMaxLength(IncidentRequest.MaxAlertIdLength);
        b.Property(x => x.OpenedBy).HasMaxLength(80);
        b.HasIndex(x => x.AlertId).IsUnique();
        b.HasIndex(x => x.OpenedAt);
    }
}

/// <summary>Looked up by session, by IP and by user agent, each restricted to the incident's window by the time span.</summary>
internal sealed class RequestContextRowConfiguration : IEntityTypeConfiguration<RequestContextRow>
{
    public void Configure(EntityTypeBuilder<RequestContextRow> b)
    {
        b.ToTable("incident_request_contexts");
        b.HasKey(x => new { x.Key, x.FirstSequence });
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.ProfessionalId).HasMaxLength(JournalEntryIndex.MaxLength);
        b.Property(x => x.Session).HasMaxLength(ContextKeys.MaxLookupLength);
        b.Property(x => x.ClientIp).HasMaxLength(64);
        b.Property(x => x.UserAgent).HasMaxLength(ContextKeys.MaxLookupLength);
        b.HasIndex(x => x.Session);
        b.HasIndex(x => x.ClientIp);
        b.HasIndex(x => x.UserAgent);
    }
}

/// <summary>Hits are read per canary (its open incident) and per incident (its evidence).</summary>
internal sealed class CanaryHitRowConfiguration : IEntityTypeConfiguration<CanaryHitRow>
{
    public void Configure(EntityTypeBuilder<CanaryHitRow> b)
    {
        b.ToTable("canary_hits");
        b.HasKey(x => x.Id);
        b.Property(x => x.IdentityId).HasMaxLength(64);
        b.Property(x => x.Contact).HasMaxLength(200);
        b.Property(x => x.Sender).HasMaxLength(Core.Notices.SuspiciousMessage.MaxSender);
        b.Property(x => x.Text).HasMaxLength(Core.Notices.SuspiciousMessage.MaxText);
        b.Property(x => x.Headers).HasMaxLength(Core.Notices.SuspiciousMessage.MaxHeaders);
        b.HasIndex(x => x.IdentityId);
        b.HasIndex(x => x.IncidentId);
    }
}

/// <summary>The state row is created by the migration, so concurrent catch-ups never race to create it.</summary>
internal sealed class ContextIndexStateRowConfiguration : IEntityTypeConfiguration<ContextIndexStateRow>
{
    public void Configure(EntityTypeBuilder<ContextIndexStateRow> b)
    {
        b.ToTable("incident_context_state");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new ContextIndexStateRow { Id = ContextIndexStateRow.SingletonId });
    }
}
