using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class BlockingKeysTests
{
    private static readonly IdentityTraits Marie = Person.Traits(
        birthName: "LEFEBVRE",
        firstGiven: "MARIE",
        givenNames: "MARIE ANNE",
        birthDate: new DateOnly(1975, 4, 9),
        sex: Sex.Female,
        birthplace: "59350",
        usedName: "DURAND",
        phones: ["0612345678"],
        emails: ["marie.durand@orange.fr"]);

    private static bool ShareAKey(IdentityTraits a, IdentityTraits b) =>
        BlockingKeys.For(MatchRecord.From(a)).Intersect(BlockingKeys.For(MatchRecord.From(b))).Any();

    [Fact]
    public void For_GivesDistinctSortedKeys()
    {
        var keys = BlockingKeys.For(MatchRecord.From(Marie));
        Assert.InRange(keys.Length, 10, BlockingKeys.MaxKeys);
        Assert.Equal(keys.Order().Distinct(), keys);
    }

    [Fact]
    public void For_IsStableAcrossProcesses()
    {
        // Pinned: a change here changes every stored block; it must be deliberate.
        var keys = BlockingKeys.For(Person.Record(birthName: "MARTIN", firstGiven: "JEAN", birthDate: new DateOnly(1950, 1, 2), sex: Sex.Male, birthplace: null));
        Assert.Equal(PinnedKeys, keys);
        Assert.Equal(
            [BlockingRule.FamilyNameAndBirthYear, BlockingRule.GivenNameAndBirthDate, BlockingRule.BirthDateAndSex, BlockingRule.BirthDateAndSex,
             BlockingRule.FamilyNameAndGivenName, BlockingRule.ExactFamilyNameAndInitial],
            keys.Select(BlockingKeys.RuleOf));
    }

    [Fact]
    public void For_AQueryWithoutBirthDate_StillHasNameKeys()
    {
        var keys = BlockingKeys.For(MatchRecord.From(Marie with { BirthDate = null, Phones = [], Emails = [] }));
        // Exact family name + initial, for the birth and the used name: every other rule needs a date.
        Assert.Equal(
            [BlockingRule.ExactFamilyNameAndInitial, BlockingRule.ExactFamilyNameAndInitial],
            keys.Select(BlockingKeys.RuleOf));
    }

    [Theory]
    [InlineData("LEFEVBRE", null)] // family name typo
    [InlineData("DURAND", null)] // married name entered as the birth name
    [InlineData("LEFEBVRE", "1975-09-04")] // day and month swapped
    [InlineData("LEFEBVRE", "1975-04-19")] // day typo
    [InlineData("LEFEBVRE", "1957-04-09")] // year typo
    public void For_PutsACorruptedDuplicateInASharedBlock_EvenWithoutContactData(string birthName, string? birthDate)
    {
        var duplicate = Marie with
        {
            BirthName = birthName,
            UsedName = null,
            BirthDate = birthDate is null ? Marie.BirthDate : DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture),
            Phones = [],
            Emails = [],
        };
        Assert.True(ShareAKey(Marie with { Phones = [], Emails = [] }, duplicate));
    }

    [Fact]
    public void For_PutsADuplicateWithBothNamesChangedInASharedBlock()
    {
        var duplicate = Marie with { BirthName = "DURAND", UsedName = null, FirstGivenName = "ANNE", GivenNames = "ANNE MARIE", Phones = [], Emails = [] };
        Assert.True(ShareAKey(Marie with { Phones = [], Emails = [] }, duplicate));
    }

    [Fact]
    public void For_PutsADuplicateWithNameTypoAndDateTypoInASharedBlock()
    {
        var duplicate = Marie with { BirthName = "LEFEVBRE", BirthDate = new DateOnly(1975, 4, 19), Phones = [], Emails = [] };
        Assert.True(ShareAKey(Marie with { Phones = [], Emails = [] }, duplicate));
    }

    [Fact]
    public void For_PutsRecordsSharingOnlyAPhoneInASharedBlock()
    {
        var other = Person.Traits(birthName: "ZORAN", firstGiven: "PAUL", birthDate: new DateOnly(2001, 12, 30), sex: Sex.Male, birthplace: null, phones: ["+33 6 12 34 56 78"]);
        Assert.True(ShareAKey(Marie, other));
    }

    [Fact]
    public void For_KeepsStrangersApart()
    {
        var generator = new TestIdentities(new Random(11));
        var records = Enumerable.Range(0, 400).Select(_ => MatchRecord.From(generator.Person())).ToList();
        var sharing = 0;
        for (var i = 0; i < records.Count; i += 2)
        {
            if (BlockingKeys.For(records[i]).Intersect(BlockingKeys.For(records[i + 1])).Any())
            {
                sharing++;
            }
        }

        Assert.True(sharing <= 4, $"{sharing} of 200 stranger pairs share a block");
    }

    [Fact]
    public void For_PlantedDuplicates_AlmostAlwaysShareABlock()
    {
        var generator = new TestIdentities(new Random(12));
        var missed = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var person = generator.Person();
            if (!ShareAKey(person, generator.Corrupt(person, generator.RandomCorruptions())))
            {
                missed++;
            }
        }

        Assert.True(missed <= 4, $"{missed} of 2000 duplicates share no block");
    }

    private static readonly long[] PinnedKeys =
        [2190936179314676785, 2988457415453594408, 3626516252630894433, 4239367654444966824, 5606357546692678840, 6277124645141584758];
}
