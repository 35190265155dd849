using System.Text.RegularExpressions;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed partial class NameFormTests
{
    [Fact]
    public void NormalisedNames_HoldOnlyTheInsCharacters()
    {
        Assert.All(SampleRegion.Records, record =>
        {
            var traits = record.Traits;
            Assert.Matches(InsName(), traits.BirthName);
            Assert.Matches(InsName(), traits.FirstGivenName);
            if (traits.GivenNames.Length > 0)
            {
                Assert.Matches(InsName(), traits.GivenNames);
            }

            if (traits.UsedName is not null)
            {
                Assert.Matches(InsName(), traits.UsedName);
            }
        });
    }

    [Fact]
    public void NormalisedNames_AreTheInsFormOfTheRawNames()
    {
        Assert.All(SampleRegion.Records, record =>
        {
            Assert.Equal(record.Traits.BirthName, InsForm.Normalize(record.RawTraits.BirthName));
            Assert.Equal(record.Traits.FirstGivenName, InsForm.Normalize(record.RawTraits.FirstGivenName));
            Assert.Equal(record.Traits.GivenNames, InsForm.Normalize(record.RawTraits.GivenNames));
            Assert.Equal(record.Traits.UsedName, record.RawTraits.UsedName is null ? null : InsForm.Normalize(record.RawTraits.UsedName));
        });
    }

    [Fact]
    public void RawNames_LookTypedAtADesk()
    {
        var raw = SampleRegion.Records.Select(r => r.RawTraits).ToList();

        Assert.Contains(raw, t => t.BirthName.Any(c => c is 'é' or 'è' or 'ë' or 'ç' or 'ï'));
        Assert.Contains(raw, t => t.FirstGivenName.Any(c => c is 'É' or 'È' or 'Ë' or 'Ï'));
        Assert.Contains(raw, t => t.FirstGivenName.Length > 1 && char.IsUpper(t.FirstGivenName[0]) && char.IsLower(t.FirstGivenName[1]));
        Assert.Contains(raw, t => t.BirthName.Contains('\u2019', StringComparison.Ordinal));
        Assert.Contains(raw, t => t.BirthName.EndsWith(' '));
        Assert.Contains(raw, t => t.BirthName.All(c => !char.IsUpper(c)));
    }

    [Fact]
    public void FamilyNames_IncludeParticlesApostrophesAndDoubleNames()
    {
        var names = SampleRegion.References.Select(r => r.Traits.BirthName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("LE GALL", names);
        Assert.Contains("D'HONDT", names);
        Assert.Contains(names, n => n.Contains("--", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains('-', StringComparison.Ordinal) && !n.Contains("--", StringComparison.Ordinal));
    }

    [Fact]
    public void FamilyNames_HaveALongTail()
    {
        var references = SampleRegion.References.ToList();
        var largest = references.GroupBy(r => r.Traits.BirthName, StringComparer.Ordinal).Max(g => g.Count()) / (double)references.Count;
        var distinct = references.Select(r => r.Traits.BirthName).Distinct(StringComparer.Ordinal).Count();

        Assert.InRange(largest, 0.005, 0.03);
        Assert.True(distinct > 2_000, $"only {distinct} distinct family names");
    }

    [GeneratedRegex("^[A-Z'](?:[A-Z' -]*[A-Z])?$")]
    private static partial Regex InsName();
}
