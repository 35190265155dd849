using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

internal sealed class JournalCheckpointRowConfiguration : IEntityTypeConfiguration<JournalCheckpointRow>
{
    public void Configure(EntityTypeBuilder<JournalCheckpointRow> b)
    {
        b.ToTable("journal_checkpoints");
        b.HasKey(x => x.TreeSize);
        b.Property(x => x.TreeSize).ValueGeneratedNever();
        b.Property(x => x.RootHash).HasMaxLength(MerkleHash.Length);
        b.Property(x => x.Note).HasMaxLength(CheckpointNote.MaxLength);
        b.HasIndex(x => x.Time);
    }
}
