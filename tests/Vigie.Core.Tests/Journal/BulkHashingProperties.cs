using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>
/// The eight-lane SHA-256 gives exactly the platform's SHA-256 and HMAC, for every length and lane count, on every
/// compression path this machine supports (portable, AVX2, AVX-512): each property runs once per path.
/// </summary>
public sealed class BulkHashingProperties
{
    // By name: the enum is internal and a test method is public.
    public static TheoryData<string> Paths => [.. Enum.GetNames<Sha256Path>()];

    // Forces the path on this thread for the duration of the check (the properties run on the calling thread).
    private static void On(string name, Action check)
    {
        var path = Enum.Parse<Sha256Path>(name);
        Assert.SkipUnless(Sha256Lanes.IsSupported(path), $"this machine has no {path}");
        Sha256Lanes.ForcedOnThisThread = path;
        try
        {
            check();
        }
        finally
        {
            Sha256Lanes.ForcedOnThisThread = null;
        }
    }

    [Fact]
    public void Best_IsTheWidestSupportedPath() =>
        Assert.Equal(Enum.GetValues<Sha256Path>().Last(Sha256Lanes.IsSupported), Sha256Lanes.Best);

    private static readonly Arbitrary<byte[][]> Messages =
        Gen.Choose(0, 300).SelectMany(length => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length))
            .ArrayOf().Where(m => m.Length > 0).Select(m => m.Take(40).ToArray()).ToArbitrary();

    [Theory]
    [MemberData(nameof(Paths))]
    public void LeafHashes_EqualPlatformSha256(string path) =>
        On(path, () => Prop.ForAll(Messages, messages =>
        {
            var entries = messages.Select((m, i) => new StoredEntry(i, m)).ToArray();
            var leaves = new MerkleHash[entries.Length];
            BulkHashing.LeafHashes(entries, leaves);
            return messages.Select((m, i) => leaves[i] == new MerkleHash(SHA256.HashData([0x00, .. m]))).All(ok => ok);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300)));

    [Theory]
    [MemberData(nameof(Paths))]
    public void LeafHashes_AtEveryPaddingBoundary_EqualPlatformSha256(string path) => On(path, () =>
    {
        // Lengths around 55/56/64 bytes (with the prefix) are where SHA-256 padding spills into another block.
        var messages = Enumerable.Range(0, 200).Select(n => Enumerable.Range(0, n).Select(b => (byte)(b * 31 + n)).ToArray()).ToArray();
        var entries = messages.Select((m, i) => new StoredEntry(i, m)).ToArray();
        var leaves = new MerkleHash[entries.Length];
        BulkHashing.LeafHashes(entries, leaves);
        for (var i = 0; i < messages.Length; i++)
        {
            Assert.Equal(MerkleTree.HashLeaf(messages[i]), leaves[i]);
        }
    });

    [Theory]
    [MemberData(nameof(Paths))]
    public void NodeHashes_EqualHashChildren(string path) =>
        On(path, () => Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (pairs, seed) =>
        {
            var children = Enumerable.Range(0, 2 * pairs).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(seed * 1000 + i))).ToArray();
            var parents = new MerkleHash[pairs];
            BulkHashing.NodeHashes(children, parents);
            return Enumerable.Range(0, pairs).All(i => parents[i] == MerkleTree.HashChildren(children[2 * i], children[(2 * i) + 1]));
        }).QuickCheckThrowOnFailure());

    [Theory]
    [MemberData(nameof(Paths))]
    public void Seals_EqualEntrySeal(string path) =>
        On(path, () => Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, seed) =>
        {
            var key = new byte[EntrySeal.KeyLength];
            new Random(seed).NextBytes(key);
            var leaves = Enumerable.Range(0, count).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(seed + i))).ToArray();
            var seals = new byte[count * EntrySeal.Length];
            var first = (long)seed * 3;
            new SealHasher(key).Compute(first, leaves, seals);
            return Enumerable.Range(0, count).All(i =>
                seals.AsSpan(i * EntrySeal.Length, EntrySeal.Length).SequenceEqual(EntrySeal.Compute(key, first + i, leaves[i])));
        }).QuickCheckThrowOnFailure());

    [Fact]
    public void EntrySeal_IsTruncatedHmacSha256()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var leaf = MerkleTree.HashLeaf([1]);
        var message = new byte[40];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, 1234567);
        leaf.CopyTo(message.AsSpan(8));
        Assert.Equal(HMACSHA256.HashData(key, message)[..16], EntrySeal.Compute(key, 1234567, leaf));
    }

    [Fact]
    public void AppendMany_EqualsAppendingOneByOne() =>
        Prop.ForAll(Gen.Choose(0, 3000).ToArbitrary(), Gen.Choose(0, 3000).ToArbitrary(), (before, count) =>
        {
            var leaves = Enumerable.Range(0, before + count).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(i))).ToArray();
            var frontier = MerkleFrontier.Empty.Append(leaves.AsSpan(0, before));
            var bulk = frontier.Builder(null, int.MaxValue);
            bulk.AppendMany(leaves.AsSpan(before));
            return bulk.Size == leaves.Length && bulk.Root() == MerkleTree.Root(leaves) && bulk.Nodes().SequenceEqual(frontier.Append(leaves.AsSpan(before)).Nodes);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
}
