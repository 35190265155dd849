using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>One change an attacker with write access to the database (but not the key file) can make to the stored rows.</summary>
public enum TamperKind
{
    /// <summary>Bytes changed in place, stored leaf hash left alone.</summary>
    ModifyBytes,

    /// <summary>Another valid entry written in place, leaf hash recomputed (only the seal can tell).</summary>
    ReplaceWithLeafHash,

    /// <summary>A row deleted, the sequence gap left.</summary>
    DeleteLeavingGap,

    /// <summary>A row deleted and the later rows renumbered to close the gap.</summary>
    DeleteAndRenumber,

    /// <summary>A forged row inserted and the later rows renumbered.</summary>
    InsertAndRenumber,

    /// <summary>The contents of two rows swapped, sequence numbers kept.</summary>
    Swap,
}

/// <summary>Applies one <see cref="TamperKind"/> to a copy of a log's rows and says which entry must be named.</summary>
internal static class Tampering
{
    public static (List<StoredEntry> Rows, long FirstDiffering) Apply(IReadOnlyList<StoredEntry> rows, TamperKind kind, int i, int j, int seed)
    {
        var copy = rows.ToList();
        switch (kind)
        {
            case TamperKind.ModifyBytes:
            {
                var bytes = copy[i].Entry.ToArray();
                var random = new Random(seed);
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                copy[i] = copy[i] with { Entry = bytes };
                return (copy, i);
            }

            case TamperKind.ReplaceWithLeafHash:
            {
                var forged = JournalEntryEncoding.Encode(SampleEntries.Create(new Random(seed), -1 - seed));
                copy[i] = copy[i] with { Entry = forged, LeafHash = MerkleTree.HashLeaf(forged).ToArray() };
                return (copy, i);
            }

            case TamperKind.DeleteLeavingGap:
                copy.RemoveAt(i);
                return (copy, i);

            case TamperKind.DeleteAndRenumber:
                copy.RemoveAt(i);
                for (var k = i; k < copy.Count; k++)
                {
                    copy[k] = copy[k] with { Sequence = k };
                }

                return (copy, i);

            case TamperKind.InsertAndRenumber:
            {
                // Forged with a seal under a key the attacker invented: it looks like a row, it is not one.
                var forged = TestLog.Row(i, JournalEntryEncoding.Encode(SampleEntries.Create(new Random(seed), -1 - seed)), new byte[32]);
                copy.Insert(i, forged);
                for (var k = i + 1; k < copy.Count; k++)
                {
                    copy[k] = copy[k] with { Sequence = k };
                }

                return (copy, i);
            }

            default:
            {
                var (a, b) = (Math.Min(i, j), Math.Max(i, j));
                (copy[a], copy[b]) = (copy[b] with { Sequence = a }, copy[a] with { Sequence = b });
                return (copy, a);
            }
        }
    }
}
