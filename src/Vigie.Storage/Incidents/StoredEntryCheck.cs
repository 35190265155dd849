using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Incidents;

/// <summary>The per-row integrity check the journal's readers apply: leaf hash, seal (when the key is known) and index columns against the bytes.</summary>
internal static class StoredEntryCheck
{
    public static bool IsIntact(JournalEntryRow row, ReadOnlySpan<byte> sealKey)
    {
        var leaf = MerkleTree.HashLeaf(row.Entry);
        return MerkleHash.TryRead(row.LeafHash, out var stored) && stored == leaf
               && (sealKey.IsEmpty || EntrySeal.IsValid(sealKey, row.Sequence, leaf, row.Seal))
               && new JournalEntryIndex(row.Time, (JournalAction)row.Action, row.ProfessionalId, row.PatientId).Matches(row.Entry);
    }
}
