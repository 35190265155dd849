using System.Text.RegularExpressions;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Tests.Identities;

/// <summary>The region looks like Hauts-de-France: the shares the generator documents, with sampling slack.</summary>
public sealed partial class DistributionTests
{
    private static readonly IReadOnlyList<IdentityTraits> People = [.. SampleRegion.References.Select(r => r.Traits)];

    [Fact]
    public void Birthplaces_AreMostlyRegional_SomeAbroad_AFewCorsican()
    {
        var regional = People.Average(t => t.BirthplaceCode![..2] is "59" or "62" or "80" or "02" or "60" ? 1.0 : 0.0);
        var abroad = People.Average(t => t.BirthplaceCode!.StartsWith("99", StringComparison.Ordinal) ? 1.0 : 0.0);
        var corsican = People.Count(t => t.BirthplaceCode![..2] is "2A" or "2B");

        Assert.InRange(regional, 0.78, 0.82);
        Assert.InRange(abroad, 0.07, 0.09);
        Assert.InRange(corsican, 100, 400);
    }

    [Fact]
    public void Ages_FollowARegionalPyramid()
    {
        var ages = People.Select(t => AgeOn(t.BirthDate!.Value, SampleRegion.Today)).ToList();

        Assert.All(ages, age => Assert.InRange(age, 0, 105));
        Assert.InRange(ages.Average(a => a >= 65 ? 1.0 : 0.0), 0.17, 0.23);
        Assert.InRange(ages.Average(a => a < 20 ? 1.0 : 0.0), 0.22, 0.27);
        Assert.Contains(ages, a => a >= 95);
    }

    [Fact]
    public void Sexes_AreAboutEven_AndNeverUnknown()
    {
        Assert.InRange(People.Average(t => t.Sex == Sex.Female ? 1.0 : 0.0), 0.50, 0.53);
        Assert.All(People, t => Assert.True(t.Sex is Sex.Female or Sex.Male));
    }

    [Fact]
    public void GivenNames_FitTheBirthYear()
    {
        Assert.DoesNotContain(People, t => t.FirstGivenName == "GERMAINE" && t.BirthDate!.Value.Year >= 1945);
        Assert.DoesNotContain(People, t => t.FirstGivenName == "MAELYS" && t.BirthDate!.Value.Year < 2005);
        Assert.Contains(People, t => t.FirstGivenName == "JEAN-PIERRE");
    }

    [Fact]
    public void UsedNames_AreMarriedWomen()
    {
        var withUsedName = People.Where(t => t.UsedName is not null).ToList();

        Assert.All(withUsedName, t => Assert.Equal(Sex.Female, t.Sex));
        Assert.All(withUsedName, t => Assert.True(AgeOn(t.BirthDate!.Value, SampleRegion.Today) >= 20));
        Assert.All(withUsedName, t => Assert.NotEqual(t.BirthName, t.UsedName));
        var adultWomen = People.Where(t => t.Sex == Sex.Female && AgeOn(t.BirthDate!.Value, SampleRegion.Today) >= 45).ToList();
        Assert.InRange(adultWomen.Average(t => t.UsedName is null ? 0.0 : 1.0), 0.6, 0.7);
    }

    [Fact]
    public void Statuses_AreMostlyQualified()
    {
        var statuses = SampleRegion.References.Select(r => r.Status).ToList();

        Assert.InRange(statuses.Average(s => s == IdentityStatus.Qualified ? 1.0 : 0.0), 0.70, 0.74);
        Assert.Contains(IdentityStatus.Validated, statuses);
        Assert.Contains(IdentityStatus.Provisional, statuses);
    }

    [Fact]
    public void Phones_AreFrenchNumbers_WrittenVariously()
    {
        var phones = SampleRegion.Records.SelectMany(r => r.RawTraits.Phones).ToList();

        Assert.All(phones, phone => Assert.Matches(NationalNumber(), Digits(phone)));
        Assert.Contains(phones, p => p.StartsWith("+33 ", StringComparison.Ordinal));
        Assert.Contains(phones, p => p.Contains('.', StringComparison.Ordinal));
        Assert.Contains(phones, p => p.Length == 10);
        Assert.Contains(phones, p => p.StartsWith("03", StringComparison.Ordinal));
        Assert.InRange(People.Average(t => t.Phones.Count > 0 ? 1.0 : 0.0), 0.88, 0.96);
    }

    [Fact]
    public void Emails_AreFirstNameLastNameAtCommonProviders()
    {
        var emails = People.SelectMany(t => t.Emails).ToList();

        Assert.All(emails, email => Assert.Matches(Email(), email));
        Assert.Contains(emails, e => e.EndsWith("@orange.fr", StringComparison.Ordinal));
        Assert.Contains(emails, e => Regex.IsMatch(e, "[0-9]@"));
        Assert.InRange(emails.Count / (double)People.Count, 0.55, 0.70);
    }

    [Fact]
    public void Addresses_AreInTheRegion()
    {
        var addresses = People.Where(t => t.Address is not null).Select(t => t.Address!).ToList();

        Assert.InRange(addresses.Count / (double)People.Count, 0.96, 0.98);
        Assert.All(addresses, a =>
        {
            Assert.Contains(a.PostalCode![..2], new[] { "59", "62", "80", "02", "60" });
            Assert.Equal("FR", a.Country);
            Assert.NotEmpty(a.Lines);
            Assert.Matches("^[0-9]+ ", a.Lines[^1]);
        });
    }

    private static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate.AddYears(age) > today ? age - 1 : age;
    }

    private static string Digits(string phone) =>
        phone.StartsWith("+33", StringComparison.Ordinal)
            ? "0" + new string([.. phone[3..].Where(char.IsAsciiDigit)])
            : new string([.. phone.Where(char.IsAsciiDigit)]);

    [GeneratedRegex("^0(6|7|3)[0-9]{8}$")]
    private static partial Regex NationalNumber();

    [GeneratedRegex("^[a-z][a-z0-9._-]*@[a-z]+\\.(fr|com|net)$")]
    private static partial Regex Email();
}
