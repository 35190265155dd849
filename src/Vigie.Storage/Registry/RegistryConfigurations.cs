using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Storage.Registry;

/// <summary>Column limits follow the INS field sizes; indexes follow the PDQm search pairs.</summary>
internal sealed class IdentityRowConfiguration : IEntityTypeConfiguration<IdentityRow>
{
    public void Configure(EntityTypeBuilder<IdentityRow> b)
    {
        b.ToTable("identities");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.BirthName).HasMaxLength(100);
        b.Property(x => x.UsedName).HasMaxLength(100);
        b.Property(x => x.FirstGivenName).HasMaxLength(100);
        b.Property(x => x.GivenNames).HasMaxLength(200);
        b.Property(x => x.BirthplaceCode).HasMaxLength(5);
        b.Property(x => x.Phones).HasMaxLength(400);
        b.Property(x => x.Emails).HasMaxLength(800);
        b.Property(x => x.AddressLines).HasMaxLength(400);
        b.Property(x => x.PostalCode).HasMaxLength(10);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.Country).HasMaxLength(100);
        b.Property(x => x.InsValue).HasMaxLength(15);
        b.Property(x => x.ReplacedById).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();

        // PDQm pairs: family + birthdate, family + given + gender; used name is searched as "family" too.
        // No index on the first given name (decision 0016): a given-name search also matches any further given
        // name ("contains" on GivenNames), so no plan can use one on either provider, and its random-order inserts
        // cost every registration a page.
        b.HasIndex(x => new { x.BirthName, x.BirthDate });
        // Only the identities that have a used name (about one in five): a null entry is never searched (a family
        // search compares the used name, which implies it is not null, so both providers use this partial index),
        // and each null one cost a registration a page, sorted by birth date at a random place in the index.
        b.HasIndex(x => new { x.UsedName, x.BirthDate }).HasFilter("\"UsedName\" IS NOT NULL");
        b.HasIndex(x => new { x.BirthDate, x.Sex });
        b.HasIndex(x => x.InsValue);
    }
}

internal sealed class EstablishmentRowConfiguration : IEntityTypeConfiguration<EstablishmentRow>
{
    public void Configure(EntityTypeBuilder<EstablishmentRow> b)
    {
        b.ToTable("establishments");
        b.HasKey(x => x.Finess);
        b.Property(x => x.Finess).HasMaxLength(9);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.IppSystem).HasMaxLength(200);
        b.HasIndex(x => x.IppSystem).IsUnique();
    }
}

internal sealed class LocalRecordRowConfiguration : IEntityTypeConfiguration<LocalRecordRow>
{
    public void Configure(EntityTypeBuilder<LocalRecordRow> b)
    {
        b.ToTable("local_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.System).HasMaxLength(200);
        b.Property(x => x.Value).HasMaxLength(64);
        b.Property(x => x.Finess).HasMaxLength(9);
        b.Property(x => x.IdentityId).HasMaxLength(64);
        b.Property(x => x.BirthName).HasMaxLength(100);
        b.Property(x => x.FirstGivenName).HasMaxLength(100);
        b.HasIndex(x => new { x.System, x.Value }).IsUnique();
        b.HasIndex(x => x.IdentityId);
        b.HasOne<IdentityRow>().WithMany().HasForeignKey(x => x.IdentityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EstablishmentRow>().WithMany().HasForeignKey(x => x.Finess).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlockingKeyRowConfiguration : IEntityTypeConfiguration<BlockingKeyRow>
{
    public void Configure(EntityTypeBuilder<BlockingKeyRow> b)
    {
        b.ToTable("blocking_keys");
        b.HasKey(x => new { x.Key, x.IdentityId });
        b.Property(x => x.IdentityId).HasMaxLength(64);

        // No index on IdentityId: an identity's keys are recomputed from its traits when they change, and a second
        // random-order index would double the pages every registration dirties.
    }
}

internal sealed class DuplicateCandidateRowConfiguration : IEntityTypeConfiguration<DuplicateCandidateRow>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidateRow> b)
    {
        b.ToTable("duplicate_candidates");
        b.HasKey(x => x.Id);
        b.Property(x => x.IdentityA).HasMaxLength(64);
        b.Property(x => x.IdentityB).HasMaxLength(64);
        b.HasIndex(x => new { x.IdentityA, x.IdentityB }).IsUnique();
        b.HasIndex(x => x.Status);
    }
}

internal sealed class MergeEventRowConfiguration : IEntityTypeConfiguration<MergeEventRow>
{
    public void Configure(EntityTypeBuilder<MergeEventRow> b)
    {
        b.ToTable("merge_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.SourceId).HasMaxLength(64);
        b.Property(x => x.TargetId).HasMaxLength(64);
        b.Property(x => x.Actor).HasMaxLength(200);
        b.HasIndex(x => x.SourceId);
    }
}

internal sealed class MatchModelRowConfiguration : IEntityTypeConfiguration<MatchModelRow>
{
    public void Configure(EntityTypeBuilder<MatchModelRow> b)
    {
        b.ToTable("match_models");
        b.HasKey(x => x.Id);
    }
}
