using Vigie.Core.Identity;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class NirTests
{
    [Theory]
    [InlineData("59350")]
    [InlineData("2A004")]
    [InlineData("2B033")]
    [InlineData("99352")]
    [InlineData("97411")]
    public void Build_GivesANumberCoreAccepts(string birthplace)
    {
        var place = NameTables.AllPlaces.Single(p => p.Code == birthplace);

        var nir = Nir.Build(Sex.Female, new DateOnly(1987, 3, 14), place, 42);

        Assert.Equal("28703" + birthplace + "042", nir[..13]);
        var parsed = InsNumber.Parse(InsKind.Nir, nir);
        Assert.True(parsed.Success, parsed.Error);
    }

    [Fact]
    public void Build_MatchesAHandComputedKey()
    {
        // 1 84 12 75 112 345: 1841275112345 mod 97 = 4, key 97 - 4 = 93.
        var paris12 = NameTables.AllPlaces.Single(p => p.Code == "75112");

        Assert.Equal("184127511234593", Nir.Build(Sex.Male, new DateOnly(1984, 12, 1), paris12, 345));
    }

    [Fact]
    public void Orders_AreSequentialPerCell()
    {
        var allocator = new NirOrderAllocator();
        var lille = NameTables.AllPlaces.Single(p => p.Code == "59350");
        var cell = Nir.CellOf(Sex.Male, new DateOnly(1990, 5, 1), lille);
        var other = Nir.CellOf(Sex.Female, new DateOnly(1990, 5, 1), lille);

        Assert.Equal(1, allocator.Next(cell));
        Assert.Equal(2, allocator.Next(cell));
        Assert.Equal(1, allocator.Next(other));
        Assert.InRange(cell, 0, Nir.CellCount - 1);
    }

    [Fact]
    public void Cells_AreDistinctForDistinctPlacesAndMonths()
    {
        var cells = new HashSet<int>();
        foreach (var place in NameTables.AllPlaces)
        {
            foreach (var sex in new[] { Sex.Male, Sex.Female })
            {
                for (var month = 1; month <= 12; month++)
                {
                    Assert.True(cells.Add(Nir.CellOf(sex, new DateOnly(2001, month, 1), place)));
                }
            }
        }
    }
}
