using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Storage.Access;

internal sealed class ProfessionalRowConfiguration : IEntityTypeConfiguration<ProfessionalRow>
{
    public void Configure(EntityTypeBuilder<ProfessionalRow> b)
    {
        b.ToTable("professionals");
        b.HasKey(x => x.Id);
        b.Property(x => x.NationalId).HasMaxLength(80);
        b.Property(x => x.Finess).HasMaxLength(9);
        b.Property(x => x.ProfessionCode).HasMaxLength(10);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);

        // Looked up on every request: (national id, establishment).
        b.HasIndex(x => new { x.NationalId, x.Finess }).IsUnique();
    }
}

internal sealed class BreakTheGlassRowConfiguration : IEntityTypeConfiguration<BreakTheGlassRow>
{
    public void Configure(EntityTypeBuilder<BreakTheGlassRow> b)
    {
        b.ToTable("break_the_glass");
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasMaxLength(80);
        b.Property(x => x.Establishments).HasMaxLength(200);
        b.Property(x => x.PatientId).HasMaxLength(64);
        b.Property(x => x.PurposeCode).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.Session).HasMaxLength(200);
        b.Property(x => x.ClientIp).HasMaxLength(64);
        b.Property(x => x.UserAgent).HasMaxLength(256);
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.Property(x => x.ReviewedBy).HasMaxLength(80);
        b.HasIndex(x => x.At);
    }
}

internal sealed class ContactDisclosureRowConfiguration : IEntityTypeConfiguration<ContactDisclosureRow>
{
    public void Configure(EntityTypeBuilder<ContactDisclosureRow> b)
    {
        b.ToTable("contact_disclosures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasMaxLength(80);
        b.Property(x => x.PatientId).HasMaxLength(64);
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.HasIndex(x => new { x.Subject, x.At });
    }
}
