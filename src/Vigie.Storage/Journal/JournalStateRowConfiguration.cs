using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Storage.Journal;

/// <summary>The state row is created by the migration, so no two nodes ever race to create it.</summary>
internal sealed class JournalStateRowConfiguration : IEntityTypeConfiguration<JournalStateRow>
{
    public void Configure(EntityTypeBuilder<JournalStateRow> b)
    {
        b.ToTable("journal_state");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.VerifierKey).HasMaxLength(1024);
        b.HasData(new JournalStateRow { Id = JournalStateRow.SingletonId, Frontier = [] });
    }
}
