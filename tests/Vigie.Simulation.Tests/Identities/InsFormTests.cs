using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class InsFormTests
{
    [Theory]
    [InlineData("Hélène", "HELENE")]
    [InlineData("Lefèvre", "LEFEVRE")]
    [InlineData("Lecœur", "LECOEUR")]
    [InlineData("D\u2019Hondt", "D'HONDT")]
    [InlineData("  le   gall ", "LE GALL")]
    [InlineData("Martin--Dupont", "MARTIN--DUPONT")]
    [InlineData("FRANÇOISE", "FRANCOISE")]
    [InlineData("Maëlys", "MAELYS")]
    public void Normalize_GivesTheInsForm(string raw, string expected)
    {
        Assert.Equal(expected, InsForm.Normalize(raw));
    }

    [Fact]
    public void Normalize_RefusesCharactersTheGeneratorNeverWrites()
    {
        Assert.Throws<InvalidOperationException>(() => InsForm.Normalize("Zoë3"));
    }

    [Fact]
    public void EveryTableName_HasAnInsForm()
    {
        // The tables are normalised when first used: any stray character would throw here.
        Assert.True(NameTables.SurnameHead.Count > 150);
        Assert.True(NameTables.SurnameTailTable.Count > 2_000);
        Assert.All(NameTables.AllPlaces, p => Assert.Matches("^([0-9]{2}|2A|2B)[0-9]{3}$", p.Code));
    }
}
