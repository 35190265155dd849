using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class RecordComparatorTests
{
    [Theory]
    [InlineData("1980-03-05", "1980-03-05", DateAgreement.Exact)]
    [InlineData("1980-03-05", "1980-05-03", DateAgreement.DayMonthTransposed)]
    [InlineData("1980-03-05", "1980-03-06", DateAgreement.OneComponentDiffers)]
    [InlineData("1980-03-05", "1980-04-05", DateAgreement.OneComponentDiffers)]
    [InlineData("1980-03-05", "1981-03-05", DateAgreement.OneComponentDiffers)]
    [InlineData("1980-03-05", "1981-05-03", DateAgreement.Disagree)]
    [InlineData("1980-03-05", "1980-04-06", DateAgreement.Disagree)]
    [InlineData("1980-03-05", null, DateAgreement.Missing)]
    public void BirthDates_AreGradedByLevel(string a, string? b, DateAgreement expected)
    {
        DateOnly? other = b is null ? null : DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DateComparator.Compare(DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), other));
        Assert.Equal(expected, DateComparator.Compare(
            Person.Record(birthDate: DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture)),
            MatchRecord.From(Person.Traits() with { BirthDate = other })));
    }

    [Theory]
    [InlineData(Sex.Female, Sex.Female, Agreement.Agree)]
    [InlineData(Sex.Female, Sex.Male, Agreement.Disagree)]
    [InlineData(Sex.Unknown, Sex.Male, Agreement.Missing)]
    public void Sexes_AreGradedByLevel(Sex a, Sex b, Agreement expected) =>
        Assert.Equal(expected, RecordComparator.CompareSex(a, b));

    [Theory]
    [InlineData("75056", "75056", PlaceAgreement.Exact)]
    [InlineData("75056", "75101", PlaceAgreement.SameDepartment)]
    [InlineData("2A004", "2A041", PlaceAgreement.SameDepartment)]
    [InlineData("99350", "99352", PlaceAgreement.Disagree)] // two countries, not one département
    [InlineData("75056", "69123", PlaceAgreement.Disagree)]
    [InlineData("75056", null, PlaceAgreement.Missing)]
    public void Birthplaces_AreGradedByLevel(string a, string? b, PlaceAgreement expected) =>
        Assert.Equal(expected, RecordComparator.CompareBirthplaces(a, b));

    [Fact]
    public void Phones_InDifferentFormats_Agree()
    {
        var a = Person.Record(phones: ["+33 6 12 34 56 78"]);
        var b = Person.Record(phones: ["01 23 45 67 89", "06.12.34.56.78"]);
        Assert.Equal(Agreement.Agree, RecordComparator.Compare(a, b).Phone);
    }

    [Fact]
    public void Contacts_DifferentOrAbsent_AreGraded()
    {
        var a = Person.Record(phones: ["0612345678"], emails: ["a@b.fr"]);
        var b = Person.Record(phones: ["0698765432"]);
        var vector = RecordComparator.Compare(a, b);
        Assert.Equal(Agreement.Disagree, vector.Phone);
        Assert.Equal(Agreement.Missing, vector.Email);
    }

    [Fact]
    public void Emails_DifferingInCase_Agree() =>
        Assert.Equal(
            Agreement.Agree,
            RecordComparator.Compare(Person.Record(emails: ["Marie.Dupont@Orange.FR"]), Person.Record(emails: ["marie.dupont@orange.fr"])).Email);

    [Fact]
    public void Compare_FillsEveryField()
    {
        var a = Person.Record(birthName: "DUPONT", usedName: "MARTIN", firstGiven: "MARIE", birthDate: new DateOnly(1980, 3, 5), phones: ["0612345678"]);
        var b = Person.Record(birthName: "MARTIN", firstGiven: "MARIE", birthDate: new DateOnly(1980, 5, 3), birthplace: null, phones: ["0612345678"]);
        var vector = RecordComparator.Compare(a, b);
        Assert.Equal(
            new ComparisonVector(
                NameAgreement.ExactOtherName,
                GivenNameAgreement.Exact,
                DateAgreement.DayMonthTransposed,
                Agreement.Agree,
                PlaceAgreement.Missing,
                Agreement.Agree,
                Agreement.Missing,
                GivenNamesAgreement.Exact,
                AddressAgreement.Missing),
            vector);
    }

    [Theory]
    [InlineData("MARIE ANNE", "MARIE ANNE", GivenNamesAgreement.Exact)]
    [InlineData("MARIE", "MARIE", GivenNamesAgreement.Exact)] // no further given name on either side
    [InlineData("MARIE ANNE SOPHIE", "MARIE SOPHIE ANNE", GivenNamesAgreement.Exact)] // a set: the order is the desk's
    [InlineData("MARIE ANNE SOPHIE", "MARIE ANNE", GivenNamesAgreement.Compatible)] // one desk typed only some
    [InlineData("MARIE", "MARIE ANNE", GivenNamesAgreement.Compatible)]
    [InlineData("MARIE ANNE", "MARIE SOPHIE", GivenNamesAgreement.Disagree)] // homonyms with their own given names
    [InlineData("MARIE ANNE", "", GivenNamesAgreement.Missing)]
    public void CompareGivenNames_ComparesTheFurtherGivenNamesAsSets(string left, string right, GivenNamesAgreement expected)
    {
        var a = Person.Record(firstGiven: "MARIE", givenNames: left);
        var b = MatchRecord.From(Person.Traits(firstGiven: "MARIE") with { GivenNames = right }); // "" = list unknown
        Assert.Equal(expected, RecordComparator.CompareGivenNames(a, b));
        Assert.Equal(expected, RecordComparator.CompareGivenNames(b, a));
    }

    [Fact]
    public void CompareGivenNames_IgnoresTheFirstGivenNamesSoATypoCountsOnce()
    {
        // MAREI is a typo of MARIE: judged by the first-given-name field, not again here.
        var a = Person.Record(firstGiven: "MARIE", givenNames: "MARIE ANNE");
        var b = Person.Record(firstGiven: "MAREI", givenNames: "MAREI ANNE");
        Assert.Equal(GivenNamesAgreement.Exact, RecordComparator.CompareGivenNames(a, b));

        // The usual given name recorded first: JEAN PIERRE against PIERRE JEAN.
        var usual = Person.Record(firstGiven: "PIERRE", givenNames: "PIERRE JEAN");
        var civil = Person.Record(firstGiven: "JEAN", givenNames: "JEAN PIERRE");
        Assert.Equal(GivenNamesAgreement.Exact, RecordComparator.CompareGivenNames(usual, civil));
    }

    [Fact]
    public void CompareAddresses_NormalisesTheStreetLinesAndComparesThePostalCode()
    {
        var home = new PostalAddress(["12, Rue Jean-Jaurès"], "59000", "Lille", "FRA");
        var typedElsewhere = new PostalAddress(["12 RUE JEAN JAURES"], "59 000", "LILLE", "FRA");
        var sameTown = new PostalAddress(["3 place du Théâtre"], "59000", "Lille", "FRA");
        var elsewhere = new PostalAddress(["12 rue Jean Jaurès"], "62000", "Arras", "FRA");
        var a = Person.Record(address: home);
        Assert.Equal("12 RUE JEAN JAURES", a.AddressLine);
        Assert.Equal("59000", Person.Record(address: typedElsewhere).PostalCode);
        Assert.Equal(AddressAgreement.Exact, RecordComparator.CompareAddresses(a, Person.Record(address: typedElsewhere)));
        Assert.Equal(AddressAgreement.SamePostalCode, RecordComparator.CompareAddresses(a, Person.Record(address: sameTown)));
        Assert.Equal(AddressAgreement.Disagree, RecordComparator.CompareAddresses(a, Person.Record(address: elsewhere)));
        Assert.Equal(AddressAgreement.Missing, RecordComparator.CompareAddresses(a, Person.Record()));
    }

    [Fact]
    public void Compare_IsSymmetric()
    {
        var generator = new TestIdentities(new Random(3));
        for (var i = 0; i < 500; i++)
        {
            var person = generator.Person();
            var a = MatchRecord.From(person);
            var b = MatchRecord.From(generator.Corrupt(person, generator.RandomCorruptions()));
            Assert.Equal(RecordComparator.Compare(a, b), RecordComparator.Compare(b, a));
        }
    }

    [Fact]
    public void Compare_DoesNotAllocate()
    {
        var a = Person.Record(birthName: "DUPONT", usedName: "LEFEBVRE", givenNames: "MARIE ANNE", phones: ["0612345678"], emails: ["a@b.fr"]);
        var b = Person.Record(birthName: "DUPOND", usedName: "LEFEVBRE", firstGiven: "ANNE", givenNames: "ANNE", phones: ["0698765432"], emails: ["c@d.fr"]);
        RecordComparator.Compare(a, b);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RecordComparator.Compare(a, b);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}

public class ComparisonVectorTests
{
    [Fact]
    public void Default_IsAllMissing()
    {
        var vector = default(ComparisonVector);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            Assert.Equal(0, vector.Level((ComparisonField)f));
        }
    }

    [Fact]
    public void Packed_RoundTrips()
    {
        var vector = new ComparisonVector(
            NameAgreement.Phonetic, GivenNameAgreement.InOtherGivenNames, DateAgreement.DayMonthTransposed,
            Agreement.Agree, PlaceAgreement.SameDepartment, Agreement.Disagree, Agreement.Missing);
        Assert.Equal(vector, ComparisonVector.FromPacked(vector.Packed));
        Assert.Equal(NameAgreement.Phonetic, vector.FamilyName);
        Assert.Equal(PlaceAgreement.SameDepartment, vector.Birthplace);
        Assert.Equal(DateAgreement.Exact, vector.With(ComparisonField.BirthDate, (int)DateAgreement.Exact).BirthDate);
    }

    [Fact]
    public void FromPacked_RejectsOutOfRangeLevels()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonVector.FromPacked(7)); // family name has 7 levels: 0..6
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonVector.FromPacked(1 << 27));
    }
}
