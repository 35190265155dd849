using System.Security.Cryptography;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>Known answers for RFC 9162 hashing: from the definition (<see cref="NaiveMerkle"/>) and from the RFC 6962 test vectors.</summary>
public sealed class MerkleTreeTests
{
    // The leaves of the RFC 6962 reference test vectors (certificate-transparency's merkle_tree_test).
    private static readonly byte[][] VectorLeaves =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    public static TheoryData<int, string> VectorRoots => new()
    {
        { 1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d" },
        { 2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" },
        { 3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77" },
        { 4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" },
        { 5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4" },
        { 6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef" },
        { 7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c" },
        { 8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" },
    };

    [Fact]
    public void EmptyTree_RootIsSha256OfNothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleTree.Root([]).ToString());
        Assert.Equal(MerkleHash.Empty, MerkleFrontier.Empty.Root());
    }

    [Fact]
    public void LeafHash_PrefixesZeroByte() =>
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([0x00, 1, 2, 3])), MerkleTree.HashLeaf([1, 2, 3]).ToString());

    [Fact]
    public void NodeHash_PrefixesOneByte()
    {
        var left = MerkleTree.HashLeaf([1]);
        var right = MerkleTree.HashLeaf([2]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([0x01, .. left.ToArray(), .. right.ToArray()])), MerkleTree.HashChildren(left, right).ToString());
    }

    [Fact]
    public void LeafHash_OfLargeEntry_MatchesDefinition()
    {
        var entry = new byte[5000];
        new Random(3).NextBytes(entry);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([0x00, .. entry])), MerkleTree.HashLeaf(entry).ToString());
    }

    [Theory]
    [MemberData(nameof(VectorRoots))]
    public void Root_MatchesRfc6962TestVectors(int size, string expected)
    {
        var leaves = VectorLeaves.Take(size).ToList();
        Assert.Equal(expected, Convert.ToHexStringLower(NaiveMerkle.Mth(leaves)));
        Assert.Equal(expected, MerkleTree.Root([.. leaves.Select(l => MerkleTree.HashLeaf(l))]).ToString());
    }

    [Fact]
    public void Root_MatchesDefinition_ForEverySizeUpTo300()
    {
        var leaves = Enumerable.Range(0, 300).Select(i => BitConverter.GetBytes(i * 7919)).ToList();
        var hashes = leaves.Select(l => MerkleTree.HashLeaf(l)).ToArray();
        for (var n = 0; n <= leaves.Count; n++)
        {
            Assert.Equal(Convert.ToHexStringLower(NaiveMerkle.Mth(leaves, 0, n)), MerkleTree.Root(hashes.AsSpan(0, n)).ToString());
        }
    }

    [Fact]
    public void Frontier_ReportsEveryCompletedSubtree_WithItsDefinitionHash()
    {
        var leaves = Enumerable.Range(0, 1100).Select(i => BitConverter.GetBytes(i)).ToList();
        var hashes = leaves.Select(l => MerkleTree.HashLeaf(l)).ToArray();
        var reported = new List<(MerkleNodeId Id, MerkleHash Hash)>();
        var frontier = MerkleFrontier.Empty;
        foreach (var chunk in hashes.Chunk(37))
        {
            frontier = frontier.Append(chunk, 8, (id, hash) => reported.Add((id, hash)));
        }

        // 1100 leaves: four level-8 subtrees, two level-9, one level-10.
        Assert.Equal(
            [new(8, 0), new(8, 1), new(9, 0), new(8, 2), new(8, 3), new(9, 1), new(10, 0)],
            reported.Select(r => r.Id));
        foreach (var (id, hash) in reported)
        {
            Assert.Equal(Convert.ToHexStringLower(NaiveMerkle.Mth(leaves, (int)id.FirstLeaf, (int)(id.FirstLeaf + id.LeafCount))), hash.ToString());
        }

        Assert.Equal(MerkleTree.Root(hashes), frontier.Root());
        Assert.Equal([new(10, 0), new(6, 16), new(3, 136), new(2, 274)], frontier.NodeIds);
    }

    [Fact]
    public void Frontier_RoundTripsThroughBytes()
    {
        var frontier = MerkleFrontier.Empty.Append([.. Enumerable.Range(0, 77).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(i)))]);
        var back = MerkleFrontier.FromBytes(77, frontier.ToBytes());
        Assert.True(back.Success);
        Assert.Equal(frontier, back.Value);
        Assert.Equal(frontier.Root(), back.Value.Root());
    }

    [Theory]
    [InlineData(77, 31)]
    [InlineData(77, 33 * 32)]
    [InlineData(-1, 0)]
    [InlineData(0, 32)]
    public void Frontier_FromBytesOfWrongLength_IsRefused(long size, int length) =>
        Assert.False(MerkleFrontier.FromBytes(size, new byte[length]).Success);

    [Fact]
    public void InclusionProof_MatchesDefinition_ForEveryLeafOfSmallTrees()
    {
        var leaves = Enumerable.Range(0, 40).Select(i => new[] { (byte)i, (byte)(i * 3) }).ToList();
        var hashes = leaves.Select(l => MerkleTree.HashLeaf(l)).ToArray();
        for (var n = 1; n <= leaves.Count; n++)
        {
            var root = MerkleTree.Root(hashes.AsSpan(0, n));
            for (var m = 0; m < n; m++)
            {
                var proof = MerkleProofs.Inclusion(m, n, MerkleProofs.FromLeaves(hashes));
                Assert.Equal(NaiveMerkle.Path(m, leaves, 0, n).Select(Convert.ToHexStringLower), proof.Path.Select(h => h.ToString()));
                Assert.True(proof.Verify(hashes[m], root));
                Assert.True(proof.VerifyEntry(leaves[m], root));
            }
        }
    }

    [Fact]
    public void ConsistencyProof_MatchesDefinition_ForEveryPairOfSmallTrees()
    {
        var leaves = Enumerable.Range(0, 40).Select(i => new[] { (byte)i }).ToList();
        var hashes = leaves.Select(l => MerkleTree.HashLeaf(l)).ToArray();
        for (var n = 1; n <= leaves.Count; n++)
        {
            for (var m = 1; m <= n; m++)
            {
                var proof = MerkleProofs.Consistency(m, n, MerkleProofs.FromLeaves(hashes));
                Assert.Equal(NaiveMerkle.Proof(m, leaves.Take(n).ToList()).Select(Convert.ToHexStringLower), proof.Path.Select(h => h.ToString()));
                Assert.True(proof.Verify(MerkleTree.Root(hashes.AsSpan(0, m)), MerkleTree.Root(hashes.AsSpan(0, n))));
            }
        }
    }

    [Fact]
    public void ConsistencyProof_FromEmptyTree_IsEmptyAndHolds()
    {
        var hashes = Enumerable.Range(0, 5).Select(i => MerkleTree.HashLeaf([(byte)i])).ToArray();
        var proof = MerkleProofs.Consistency(0, 5, MerkleProofs.FromLeaves(hashes));
        Assert.Empty(proof.Path);
        Assert.True(proof.Verify(MerkleHash.Empty, MerkleTree.Root(hashes)));
        Assert.False(proof.Verify(hashes[0], MerkleTree.Root(hashes)));
    }

    [Fact]
    public void Proofs_OfImpossibleSizes_AreFalse_NotExceptions()
    {
        var leaf = MerkleTree.HashLeaf([1]);
        Assert.False(new InclusionProof(5, 3, []).Verify(leaf, leaf));
        Assert.False(new InclusionProof(-1, 3, []).Verify(leaf, leaf));
        Assert.False(new InclusionProof(0, 0, []).Verify(leaf, leaf));
        Assert.False(new ConsistencyProof(5, 3, []).Verify(leaf, leaf));
        Assert.False(new ConsistencyProof(-2, 3, [leaf]).Verify(leaf, leaf));
        Assert.False(new ConsistencyProof(2, 3, []).Verify(leaf, leaf));
        Assert.False(new ConsistencyProof(3, 3, [leaf]).Verify(leaf, leaf));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.Inclusion(3, 3, _ => leaf));
    }

    [Fact]
    public void MerkleHash_Base64_RoundTripsAndRefusesNonCanonical()
    {
        var hash = MerkleTree.HashLeaf([9]);
        Assert.Equal(hash, MerkleHash.ParseBase64(hash.ToBase64()).Value);
        Assert.False(MerkleHash.ParseBase64("AAAA").Success);
        Assert.False(MerkleHash.ParseBase64(null).Success);
        Assert.False(MerkleHash.ParseBase64(new string('!', 44)).Success);
    }
}
