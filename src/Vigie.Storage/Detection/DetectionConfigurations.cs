using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Storage.Detection;

internal sealed class ContainmentRowConfiguration : IEntityTypeConfiguration<ContainmentRow>
{
    public void Configure(EntityTypeBuilder<ContainmentRow> b)
    {
        b.ToTable("containments");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProfessionalId).HasMaxLength(80);
        b.Property(x => x.Session).HasMaxLength(200);
        b.Property(x => x.Reasons).HasMaxLength(1000);
        b.Property(x => x.SuspendedBy).HasMaxLength(80);
        b.Property(x => x.ReleasedBy).HasMaxLength(80);

        // Checked on every request: the active containments of one professional.
        b.HasIndex(x => new { x.ProfessionalId, x.ReleasedAt });
    }
}

internal sealed class AlertRowConfiguration : IEntityTypeConfiguration<AlertRow>
{
    public void Configure(EntityTypeBuilder<AlertRow> b)
    {
        b.ToTable("alerts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.ProfessionalId).HasMaxLength(80);
        b.Property(x => x.Session).HasMaxLength(200);
        b.Property(x => x.Reasons).HasMaxLength(1000);
        b.Property(x => x.Level).HasMaxLength(20);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.DeliveredAt);
    }
}

internal sealed class CanaryRowConfiguration : IEntityTypeConfiguration<CanaryRow>
{
    public void Configure(EntityTypeBuilder<CanaryRow> b)
    {
        b.ToTable("canaries");
        b.HasKey(x => x.IdentityId);
        b.Property(x => x.IdentityId).HasMaxLength(64);
        b.Property(x => x.Finess).HasMaxLength(9);
        b.Property(x => x.MonitoredEmail).HasMaxLength(200);
        b.Property(x => x.MonitoredPhone).HasMaxLength(40);

        // Unique: a message to a monitored contact must point at one canary, or attribution would be ambiguous.
        // Stored in ContactNormalizer's forms (lower-case address, national digits), which is how hits look them up.
        b.HasIndex(x => x.MonitoredEmail).IsUnique();
        b.HasIndex(x => x.MonitoredPhone).IsUnique();
    }
}
