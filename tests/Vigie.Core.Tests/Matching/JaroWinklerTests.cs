using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class JaroWinklerTests
{
    // Names from the INS alphabet, short enough to collide often, sometimes over 64 characters (the generic path).
    private static readonly Arbitrary<string> Names = Gen.Sized(size =>
            Gen.Choose(0, Math.Max(1, size) % 5 == 0 ? 80 : 12)
                .SelectMany(length => Gen.ArrayOf(Gen.Elements("AEIMNORST -'".ToCharArray()), length))
                .Select(chars => new string(chars)))
        .ToArbitrary();

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896)]
    public void Similarity_MatchesTextbookValues(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("", "A", 0.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    [InlineData("DUPONT", "DUPONT", 1.0)]
    public void Similarity_HandlesEdgeCases(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b));

    [Fact]
    public void Similarity_IsSymmetric() =>
        Prop.ForAll(Names, Names, (a, b) => JaroWinkler.Similarity(a, b) == JaroWinkler.Similarity(b, a))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Similarity_IsBetweenZeroAndOne() =>
        Prop.ForAll(Names, Names, (a, b) =>
            {
                var s = JaroWinkler.Similarity(a, b);
                return s is >= 0.0 and <= 1.0;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Similarity_OfAStringWithItself_IsOne() =>
        Prop.ForAll(Names, a => JaroWinkler.Similarity(a, a) == 1.0).QuickCheckThrowOnFailure();

    [Fact]
    public void Similarity_BitParallelPath_AgreesWithTheGenericOne() =>
        Prop.ForAll(Names, Names, (a, b) =>
                Math.Abs(JaroWinkler.Similarity(a, b, bitParallel: true) - JaroWinkler.Similarity(a, b, bitParallel: false)) < 1e-12)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Similarity_OutsideTheInsAlphabet_UsesTheGenericPath() =>
        Assert.Equal(JaroWinkler.Similarity("MARTHA", "MARHTA"), JaroWinkler.Similarity("martha", "marhta"), 12);

    [Fact]
    public void Similarity_DoesNotAllocate()
    {
        var longA = new string('A', 300) + "B";
        var longB = new string('A', 299) + "BC";
        JaroWinkler.Similarity("DWAYNE", "DUANE");
        JaroWinkler.Similarity(longA, longB);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            sum += JaroWinkler.Similarity("DWAYNE", "DUANE") + JaroWinkler.Similarity(longA, longB);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}
