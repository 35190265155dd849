using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>Inclusion and consistency proofs hold for random trees and fail once anything about them is changed.</summary>
public sealed class MerkleProofProperties
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly Arbitrary<(int Size, int A, int B, int Seed)> Trees =
        (from size in Gen.Choose(1, 2000)
         from a in Gen.Choose(0, int.MaxValue)
         from b in Gen.Choose(0, int.MaxValue)
         from seed in Gen.Choose(0, 1000)
         select (size, a, b, seed)).ToArbitrary();

    private static MerkleHash[] Leaves(int size, int seed) =>
        [.. Enumerable.Range(0, size).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(((long)seed << 32) + i)))];

    private static MerkleHash Flip(MerkleHash hash)
    {
        var bytes = hash.ToArray();
        bytes[7] ^= 0x40;
        return new MerkleHash(bytes);
    }

    [Fact]
    public void InclusionProof_Verifies_ForEveryLeafAndSize() =>
        Prop.ForAll(Trees, t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var index = t.A % t.Size;
            var proof = MerkleProofs.Inclusion(index, t.Size, MerkleProofs.FromLeaves(leaves));
            return proof.Verify(leaves[index], MerkleTree.Root(leaves));
        }).Check(Cases);

    [Fact]
    public void InclusionProof_Fails_WhenAnythingIsTampered() =>
        Prop.ForAll(Trees, t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var root = MerkleTree.Root(leaves);
            var index = t.A % t.Size;
            var proof = MerkleProofs.Inclusion(index, t.Size, MerkleProofs.FromLeaves(leaves));
            var path = proof.Path.ToList();
            // (The size itself is not checked here: a proof only binds the shape, and the size comes with the root in a signed checkpoint.)
            var checks = new List<bool>
            {
                !proof.Verify(Flip(leaves[index]), root),
                !proof.Verify(leaves[index], Flip(root)),
                !new InclusionProof(index, t.Size, [.. path, leaves[0]]).Verify(leaves[index], root),
            };
            if (path.Count > 0)
            {
                var k = t.B % path.Count;
                var flipped = path.ToList();
                flipped[k] = Flip(flipped[k]);
                checks.Add(!new InclusionProof(index, t.Size, flipped).Verify(leaves[index], root));
                checks.Add(!new InclusionProof(index, t.Size, path.Take(path.Count - 1)).Verify(leaves[index], root));
            }

            if (t.Size > 1)
            {
                var other = (index + 1 + (t.B % (t.Size - 1))) % t.Size;
                checks.Add(!new InclusionProof(other, t.Size, path).Verify(leaves[index], root) || leaves[other] == leaves[index]);
            }

            return checks.All(c => c).Label($"size {t.Size} index {index}: checks {string.Join(",", checks)}");
        }).Check(Cases);

    [Fact]
    public void ConsistencyProof_Verifies_ForEveryPairOfSizes() =>
        Prop.ForAll(Trees, t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var oldSize = 1 + (t.A % t.Size);
            var proof = MerkleProofs.Consistency(oldSize, t.Size, MerkleProofs.FromLeaves(leaves));
            return proof.Verify(MerkleTree.Root(leaves.AsSpan(0, oldSize)), MerkleTree.Root(leaves));
        }).Check(Cases);

    [Fact]
    public void ConsistencyProof_Fails_WhenAnythingIsTampered() =>
        Prop.ForAll(Trees, t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var oldSize = 1 + (t.A % t.Size);
            var oldRoot = MerkleTree.Root(leaves.AsSpan(0, oldSize));
            var newRoot = MerkleTree.Root(leaves);
            var proof = MerkleProofs.Consistency(oldSize, t.Size, MerkleProofs.FromLeaves(leaves));
            var path = proof.Path.ToList();
            var checks = new List<bool> { !proof.Verify(Flip(oldRoot), newRoot), !proof.Verify(oldRoot, Flip(newRoot)) };
            if (path.Count > 0)
            {
                var k = t.B % path.Count;
                var flipped = path.ToList();
                flipped[k] = Flip(flipped[k]);
                checks.Add(!new ConsistencyProof(oldSize, t.Size, flipped).Verify(oldRoot, newRoot));
                checks.Add(!new ConsistencyProof(oldSize, t.Size, path.Skip(1)).Verify(oldRoot, newRoot));
                checks.Add(!new ConsistencyProof(oldSize, t.Size, [.. path, oldRoot]).Verify(oldRoot, newRoot));
            }

            // A log that rewrote one of its old leaves cannot prove consistency with its old root.
            var rewritten = leaves.ToArray();
            rewritten[t.B % oldSize] = Flip(rewritten[t.B % oldSize]);
            var forged = MerkleProofs.Consistency(oldSize, t.Size, MerkleProofs.FromLeaves(rewritten));
            checks.Add(!forged.Verify(oldRoot, MerkleTree.Root(rewritten)));
            return checks.All(c => c);
        }).Check(Cases);

    [Fact]
    public void ProofNodes_AreExactlyTheNodesTheProofReads() =>
        Prop.ForAll(Trees, t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var read = new List<MerkleNodeId>();
            var source = MerkleProofs.FromLeaves(leaves);
            var index = t.A % t.Size;
            MerkleProofs.Inclusion(index, t.Size, id => { read.Add(id); return source(id); });
            var inclusionOk = read.SequenceEqual(MerkleProofs.InclusionNodes(index, t.Size));
            read.Clear();
            var oldSize = 1 + (t.B % t.Size);
            MerkleProofs.Consistency(oldSize, t.Size, id => { read.Add(id); return source(id); });

            // Every node lies inside the tree, which is what lets storage serve them from stored subtrees.
            return inclusionOk && read.SequenceEqual(MerkleProofs.ConsistencyNodes(oldSize, t.Size))
                   && read.All(id => id.FirstLeaf + id.LeafCount <= t.Size);
        }).Check(Cases);
}
