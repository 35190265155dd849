using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class OptionsTests
{
    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { EstablishmentCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { DuplicateShare = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { HomonymShare = 0.6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { MaxExtraRecords = 8 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { QualifiedShare = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { MaxDegreeOfParallelism = 0 }));
    }

    [Fact]
    public void SingleEstablishment_HoldsEveryRecord()
    {
        var generator = new SyntheticIdentityGenerator(1, new DateOnly(2026, 11, 23), new SyntheticIdentityOptions { EstablishmentCount = 1 });

        Assert.All(generator.GenerateBatch(3_000), r => Assert.Equal(generator.Establishments[0], r.Establishment));
    }

    [Fact]
    public void DemoInsKind_LabelsTheNumbers()
    {
        var generator = new SyntheticIdentityGenerator(1, new DateOnly(2026, 11, 23), new SyntheticIdentityOptions { InsKind = Vigie.Core.Identity.InsKind.Demo });

        Assert.All(generator.GenerateBatch(2_000).Where(r => r.Ins is not null), r => Assert.Equal(Vigie.Core.Identity.InsKind.Demo, r.Ins!.Value.Kind));
    }
}
