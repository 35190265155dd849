using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>Indexes follow the audit questions: who saw this patient, what did this professional see, from when to when.</summary>
internal sealed class JournalEntryRowConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> b)
    {
        b.ToTable("journal_entries");
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.ProfessionalId).HasMaxLength(JournalEntryIndex.MaxLength);
        b.Property(x => x.PatientId).HasMaxLength(JournalEntryIndex.MaxLength);
        b.Property(x => x.LeafHash).HasMaxLength(MerkleHash.Length);
        b.Property(x => x.Seal).HasMaxLength(EntrySeal.Length);
        b.HasIndex(x => new { x.PatientId, x.Time });
        b.HasIndex(x => new { x.ProfessionalId, x.Time });
        b.HasIndex(x => x.Time);
    }
}
