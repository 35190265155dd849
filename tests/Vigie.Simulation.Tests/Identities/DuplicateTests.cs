using Vigie.Core.Identity;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class DuplicateTests
{
    [Fact]
    public void EveryPerson_HasExactlyOneReferenceRecord_Uncorrupted()
    {
        var byPerson = SampleRegion.Records.GroupBy(r => r.PersonKey).ToList();

        Assert.All(byPerson, person => Assert.Single(person, r => r.IsReference));
        Assert.All(SampleRegion.References, r => Assert.Equal(RecordCorruptions.None, r.Corruptions));
    }

    [Fact]
    public void DuplicateShare_IsTheConfiguredOne()
    {
        var persons = SampleRegion.Records.GroupBy(r => r.PersonKey).ToList();
        var share = persons.Count(p => p.Count() > 1) / (double)persons.Count;

        Assert.InRange(share, 0.14, 0.16);
    }

    [Fact]
    public void DuplicateShare_FollowsTheOption()
    {
        var options = new SyntheticIdentityOptions { DuplicateShare = 0.4, MaxExtraRecords = 1 };
        var records = new SyntheticIdentityGenerator(5, SampleRegion.Today, options).GenerateBatch(20_000);
        var persons = records.GroupBy(r => r.PersonKey).ToList();

        Assert.InRange(persons.Count(p => p.Count() > 1) / (double)persons.Count, 0.38, 0.42);
        Assert.All(persons, p => Assert.InRange(p.Count(), 1, 2));
    }

    [Fact]
    public void NoDuplicates_WhenTheShareIsZero()
    {
        var records = new SyntheticIdentityGenerator(5, SampleRegion.Today, new SyntheticIdentityOptions { DuplicateShare = 0 }).GenerateBatch(5_000);

        Assert.All(records, r => Assert.True(r.IsReference));
    }

    [Fact]
    public void EveryCorruptionKind_Occurs()
    {
        var seen = SampleRegion.Duplicates.Aggregate(RecordCorruptions.None, (all, r) => all | r.Corruptions);

        Assert.All(Enum.GetValues<RecordCorruptions>(), kind => Assert.True(seen.HasFlag(kind), kind + " never occurs"));
    }

    [Fact]
    public void SomeDuplicates_AreClean_AndSomeOfThoseQualified()
    {
        var clean = SampleRegion.Duplicates.Where(r => r.Corruptions == RecordCorruptions.None).ToList();

        Assert.NotEmpty(clean);
        Assert.Contains(clean, r => r.Status == IdentityStatus.Qualified);
    }

    [Fact]
    public void DuplicatesWithWrongStrictTraits_AreNeverQualified()
    {
        const RecordCorruptions contactOnly = RecordCorruptions.PhoneMissing | RecordCorruptions.EmailMissing | RecordCorruptions.AddressMissing | RecordCorruptions.AddressChanged;

        Assert.All(
            SampleRegion.Duplicates.Where(r => (r.Corruptions & ~contactOnly) != 0),
            r => Assert.NotEqual(IdentityStatus.Qualified, r.Status));
    }

    [Fact]
    public void Corruptions_ShowInTheTraits()
    {
        var references = SampleRegion.References.ToDictionary(r => r.PersonKey);
        foreach (var duplicate in SampleRegion.Duplicates)
        {
            var reference = references[duplicate.PersonKey].Traits;
            var traits = duplicate.Traits;
            var corruptions = duplicate.Corruptions;
            if (corruptions.HasFlag(RecordCorruptions.BirthNameTypo))
            {
                Assert.NotEqual(reference.BirthName, traits.BirthName);
            }

            if (corruptions.HasFlag(RecordCorruptions.BirthDateDayMonthSwapped))
            {
                Assert.Equal(reference.BirthDate!.Value.Day, traits.BirthDate!.Value.Month);
                Assert.Equal(reference.BirthDate.Value.Month, traits.BirthDate.Value.Day);
            }

            if (corruptions.HasFlag(RecordCorruptions.BirthDateDigitChanged))
            {
                Assert.NotEqual(reference.BirthDate, traits.BirthDate);
            }

            var birthNameIntact = (corruptions & (RecordCorruptions.BirthNameTypo | RecordCorruptions.BirthNameSeparatorVariant)) == 0;
            if (corruptions.HasFlag(RecordCorruptions.UsedNameAsBirthName) && birthNameIntact)
            {
                Assert.Equal(reference.UsedName, traits.BirthName);
                Assert.Null(traits.UsedName);
            }

            if (corruptions.HasFlag(RecordCorruptions.BirthAndUsedNamesSwapped) && birthNameIntact)
            {
                Assert.Equal(reference.UsedName, traits.BirthName);
                Assert.Equal(reference.BirthName, traits.UsedName);
            }

            if (corruptions.HasFlag(RecordCorruptions.FirstGivenNameVariant))
            {
                Assert.Contains('-', reference.FirstGivenName);
                Assert.NotEqual(reference.FirstGivenName, traits.FirstGivenName);
            }

            if (corruptions.HasFlag(RecordCorruptions.GivenNamesMissing))
            {
                Assert.Equal(string.Empty, traits.GivenNames);
            }

            if (corruptions.HasFlag(RecordCorruptions.BirthplaceMissing))
            {
                Assert.Null(traits.BirthplaceCode);
            }

            if (corruptions.HasFlag(RecordCorruptions.PhoneMissing))
            {
                Assert.Empty(traits.Phones);
            }

            if (corruptions.HasFlag(RecordCorruptions.EmailMissing))
            {
                Assert.Empty(traits.Emails);
            }

            if (corruptions.HasFlag(RecordCorruptions.AddressMissing))
            {
                Assert.Null(traits.Address);
            }
            else if (corruptions.HasFlag(RecordCorruptions.AddressChanged))
            {
                Assert.NotNull(traits.Address);
                Assert.NotEqual(reference.Address, traits.Address);
            }
            else
            {
                Assert.Equal(reference.Address, traits.Address);
            }

            if (corruptions == RecordCorruptions.None)
            {
                Assert.Equal(reference with { Phones = [], Emails = [] }, traits with { Phones = [], Emails = [] });
            }
        }
    }

    [Fact]
    public void EmailAddresses_BelongToOnePersonEach()
    {
        // A mail provider gives an address once: two persons, homonyms included, never share one (decision 0004).
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in SampleRegion.Records)
        {
            foreach (var email in record.Traits.Emails)
            {
                Assert.Equal(record.PersonKey, owners.GetValueOrDefault(email, record.PersonKey));
                owners[email] = record.PersonKey;
            }
        }

        Assert.True(owners.Count > SampleRegion.References.Count() / 3, "a good share of persons should have an email");
    }

    [Fact]
    public void Duplicates_SometimesCarryTheAddressOfAMove()
    {
        var moved = SampleRegion.Duplicates.Average(d => d.Corruptions.HasFlag(RecordCorruptions.AddressChanged) ? 1.0 : 0.0);
        Assert.InRange(moved, 0.08, 0.14);
    }

    [Fact]
    public void Duplicates_MostlyLiveInAnotherEstablishment()
    {
        var references = SampleRegion.References.ToDictionary(r => r.PersonKey);
        var elsewhere = SampleRegion.Duplicates.Average(d => d.Establishment == references[d.PersonKey].Establishment ? 0.0 : 1.0);

        Assert.InRange(elsewhere, 0.85, 0.95);
    }

    [Fact]
    public void References_ComeBeforeTheirDuplicates()
    {
        var references = SampleRegion.References.ToDictionary(r => r.PersonKey);

        Assert.All(SampleRegion.Duplicates, d => Assert.True(references[d.PersonKey].Index < d.Index));
    }

    [Fact]
    public void Duplicates_AreNotNextToTheirReference()
    {
        var references = SampleRegion.References.ToDictionary(r => r.PersonKey);
        var adjacent = SampleRegion.Duplicates.Average(d => Math.Abs(d.Index - references[d.PersonKey].Index) == 1 ? 1.0 : 0.0);

        Assert.True(adjacent < 0.01, $"{adjacent:P1} of duplicates sit next to their reference record");
    }
}
