using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

internal sealed class JournalNodeRowConfiguration : IEntityTypeConfiguration<JournalNodeRow>
{
    public void Configure(EntityTypeBuilder<JournalNodeRow> b)
    {
        b.ToTable("journal_nodes");
        b.HasKey(x => new { x.Level, x.NodeIndex });
        b.Property(x => x.Hash).HasMaxLength(MerkleHash.Length);
    }
}
