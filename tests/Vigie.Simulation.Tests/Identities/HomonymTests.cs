namespace Vigie.Simulation.Tests.Identities;

public sealed class HomonymTests
{
    [Fact]
    public void Homonyms_ShareTheStrictTraitsButNotThePerson()
    {
        var references = SampleRegion.References.ToDictionary(r => r.PersonKey);
        var homonyms = SampleRegion.References.Where(r => r.HomonymOf is not null).ToList();
        Assert.InRange(homonyms.Count / (double)references.Count, 0.005, 0.015);

        // The sample ends mid-block: a few originals fall after the cut.
        homonyms = [.. homonyms.Where(h => references.ContainsKey(h.HomonymOf!.Value))];
        Assert.All(homonyms, homonym =>
        {
            var original = references[homonym.HomonymOf!.Value];
            Assert.NotEqual(original.PersonKey, homonym.PersonKey);
            Assert.Null(original.HomonymOf);
            Assert.Equal(original.Traits.BirthName, homonym.Traits.BirthName);
            Assert.Equal(original.Traits.FirstGivenName, homonym.Traits.FirstGivenName);
            Assert.Equal(original.Traits.Sex, homonym.Traits.Sex);
            Assert.Equal(original.Traits.BirthDate, homonym.Traits.BirthDate);
            Assert.True(
                original.Traits.BirthplaceCode != homonym.Traits.BirthplaceCode || original.Traits.GivenNames != homonym.Traits.GivenNames,
                "a homonym must differ by birthplace or given names");
        });
    }

    [Fact]
    public void Homonyms_ComeInBothKinds()
    {
        var references = SampleRegion.References.ToDictionary(r => r.PersonKey);
        var pairs = SampleRegion.References.Where(r => r.HomonymOf is { } original && references.ContainsKey(original)).Select(h => (Homonym: h.Traits, Original: references[h.HomonymOf!.Value].Traits)).ToList();

        Assert.Contains(pairs, p => p.Homonym.GivenNames == p.Original.GivenNames);
        Assert.Contains(pairs, p => p.Homonym.BirthplaceCode == p.Original.BirthplaceCode);
    }

    [Fact]
    public void Homonyms_AreHardNegatives_ForTheEvaluation()
    {
        var homonym = SampleRegion.References.First(r => r.HomonymOf is not null);
        var original = SampleRegion.References.First(r => r.PersonKey == homonym.HomonymOf);

        var score = Vigie.Simulation.Identities.LinkageEvaluation.Evaluate(SampleRegion.Records, [(homonym.Index, original.Index)]);

        Assert.Equal(0, score.TruePositives);
        Assert.Equal(1, score.FalsePositives);
    }
}
