using Vigie.Core.Identity;

namespace Vigie.Simulation.Tests.Identities;

public sealed class IdentifierTests
{
    [Fact]
    public void EveryQualifiedRecord_CarriesAnInsThatCoreAccepts()
    {
        var qualified = SampleRegion.Records.Where(r => r.Status == IdentityStatus.Qualified).ToList();

        Assert.NotEmpty(qualified);
        Assert.All(qualified, record =>
        {
            Assert.NotNull(record.Ins);
            var parsed = InsNumber.Parse(record.Ins.Value.Kind, record.Ins.Value.Value);
            Assert.True(parsed.Success, parsed.Error);
            Assert.Equal(InsKind.Nir, record.Ins.Value.Kind);
        });
    }

    [Fact]
    public void OnlyQualifiedRecords_CarryAnIns()
    {
        Assert.All(SampleRegion.Records.Where(r => r.Status != IdentityStatus.Qualified), record => Assert.Null(record.Ins));
    }

    [Fact]
    public void Ins_EncodesSexBirthMonthAndBirthplace()
    {
        Assert.All(SampleRegion.Records.Where(r => r.Ins is not null), record =>
        {
            var ins = record.Ins!.Value.Value;
            var traits = record.Traits;
            Assert.Equal(traits.Sex == Sex.Female ? '2' : '1', ins[0]);
            Assert.Equal((traits.BirthDate!.Value.Year % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), ins[1..3]);
            Assert.Equal(traits.BirthDate.Value.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), ins[3..5]);
            Assert.Equal(traits.BirthplaceCode, ins[5..10]);
        });
    }

    [Fact]
    public void Ins_IsUniquePerPerson()
    {
        var personsPerIns = SampleRegion.Records
            .Where(r => r.Ins is not null)
            .GroupBy(r => r.Ins!.Value.Value, StringComparer.Ordinal)
            .Select(g => g.Select(r => r.PersonKey).Distinct().Count());

        var insPerPerson = SampleRegion.Records
            .Where(r => r.Ins is not null)
            .GroupBy(r => r.PersonKey)
            .Select(g => g.Select(r => r.Ins!.Value.Value).Distinct(StringComparer.Ordinal).Count());

        Assert.All(personsPerIns, count => Assert.Equal(1, count));
        Assert.All(insPerPerson, count => Assert.Equal(1, count));
    }

    [Fact]
    public void CorsicanBirths_GetInsWithTheirLetters()
    {
        var corsican = SampleRegion.Records.Where(r => r.Ins is { } ins && ins.Value[5..7] is "2A" or "2B").ToList();

        Assert.NotEmpty(corsican);
    }

    [Fact]
    public void EveryEstablishment_HasAFinessThatCoreAccepts_AndItsOwnIppSystem()
    {
        var establishments = SampleRegion.Generator.Establishments;

        Assert.Equal(12, establishments.Count);
        Assert.Equal(establishments.Count, establishments.Select(e => e.Finess.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(establishments.Count, establishments.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(establishments, establishment =>
        {
            var parsed = Finess.Parse(establishment.Finess.Value);
            Assert.True(parsed.Success, parsed.Error);
            Assert.Equal("urn:oid:1.2.250.1.71.4.2.7." + establishment.Finess.Value, establishment.IppSystem);
            Assert.Contains(establishment.Finess.Value[..2], new[] { "59", "62", "80", "02", "60" });
        });
    }

    [Fact]
    public void EveryRecord_HasAnIppUniqueInItsEstablishment()
    {
        Assert.All(SampleRegion.Records, record =>
        {
            Assert.Equal(record.Establishment.IppSystem, record.Ipp.System);
            Assert.Matches("^[0-9]{10}$", record.Ipp.Value);
        });
        Assert.Equal(SampleRegion.Records.Length, SampleRegion.Records.Select(r => r.Ipp).Distinct().Count());
    }

    [Fact]
    public void AllEstablishments_ReceiveRecords_TheFirstTheMost()
    {
        var perEstablishment = SampleRegion.Records.GroupBy(r => r.Establishment).ToDictionary(g => g.Key, g => g.Count());
        var establishments = SampleRegion.Generator.Establishments;

        Assert.Equal(establishments.Count, perEstablishment.Count);
        Assert.Equal(perEstablishment.Values.Max(), perEstablishment[establishments[0]]);
    }
}
