using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class IppScramblerTests
{
    [Fact]
    public void IppScrambler_IsAPermutation()
    {
        var seen = new HashSet<ulong>();
        for (ulong slot = 0; slot < 200_000; slot++)
        {
            var ipp = IppScrambler.Scramble(slot, 12345);
            Assert.True(ipp < IppScrambler.Range);
            Assert.True(seen.Add(ipp));
        }
    }

    [Fact]
    public void IppScrambler_DependsOnTheEstablishmentKey()
    {
        Assert.NotEqual(IppScrambler.Scramble(77, 1), IppScrambler.Scramble(77, 2));
    }
}
