using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class DeterminismTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void SameSeed_GivesIdenticalRecords()
    {
        var first = new SyntheticIdentityGenerator(7, Today).GenerateBatch(20_000);
        var second = new SyntheticIdentityGenerator(7, Today).GenerateBatch(20_000);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ThreadCount_DoesNotChangeRecords()
    {
        var parallel = new SyntheticIdentityGenerator(7, Today, new SyntheticIdentityOptions { MaxDegreeOfParallelism = 4 }).GenerateBatch(20_000);
        var sequential = new SyntheticIdentityGenerator(7, Today, new SyntheticIdentityOptions { MaxDegreeOfParallelism = 1 }).GenerateBatch(20_000);

        Assert.Equal(parallel, sequential);
    }

    [Fact]
    public void ShorterRun_IsPrefixOfLongerRun()
    {
        var generator = new SyntheticIdentityGenerator(7, Today);
        var longer = generator.GenerateBatch(15_000);
        var shorter = generator.Generate(4_321).ToArray();

        Assert.Equal(longer.Take(4_321), shorter);
    }

    [Fact]
    public void Streaming_AndBatch_GiveTheSameRecords()
    {
        var generator = new SyntheticIdentityGenerator(11, Today);

        Assert.Equal(generator.GenerateBatch(3_000), generator.Generate(3_000));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentRegions()
    {
        var first = new SyntheticIdentityGenerator(1, Today).GenerateBatch(1_000);
        var second = new SyntheticIdentityGenerator(2, Today).GenerateBatch(1_000);

        Assert.NotEqual(first.Select(r => r.Traits.BirthName), second.Select(r => r.Traits.BirthName));
        Assert.NotEqual(first.Select(r => r.Establishment.Finess), second.Select(r => r.Establishment.Finess));
    }

    [Fact]
    public void Generate_GivesExactlyTheRequestedCount_IndexedFromZero()
    {
        var generator = new SyntheticIdentityGenerator(3, Today);

        Assert.Empty(generator.Generate(0));
        var records = generator.GenerateBatch(1_234);
        Assert.Equal(1_234, records.Length);
        Assert.Equal(Enumerable.Range(0, 1_234), records.Select(r => r.Index));
    }

    [Fact]
    public void NegativeCount_IsRefusedAtOnce()
    {
        var generator = new SyntheticIdentityGenerator(3, Today);

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.GenerateBatch(-1));
    }
}
