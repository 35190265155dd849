using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// Creates person <c>n</c> of a region from the seed and <c>n</c> alone (each person has its own random
/// stream), so persons can be made in any order, on any thread, and always come out the same.
/// Not thread-safe: one factory per worker.
/// </summary>
internal sealed class PersonFactory(int seed, DateOnly today, SyntheticIdentityOptions options)
{
    // Share of extra records per duplicated person: mostly one, sometimes a chain of several.
    private static readonly int[] ExtraRecordWeights = [70, 20, 7, 3, 2, 1, 1];

    // How far back a homonym looks for the person it shares its traits with: close, so that both fall in
    // one block of the stream, yet not adjacent.
    private const int HomonymReach = 64;

    private readonly SimRandom _random = new(0);
    private readonly SimRandom _sourceRandom = new(0);
    private readonly WeightedTable<int> _extraRecords = new(
        [.. ExtraRecordWeights.Take(options.MaxExtraRecords).Select((weight, i) => (i + 1, weight))]);

    public Person Create(int key)
    {
        if (!IsHomonym(key))
        {
            return CreateOwn(key, _random);
        }

        // The source is never itself a homonym, so the traits copied are the ones its records really show.
        _random.Reset(SimRandom.Derive(seed, key, RandomStream.Homonym));
        var source = Math.Max(0, key - 1 - _random.Next(HomonymReach));
        while (IsHomonym(source))
        {
            source--;
        }

        var original = CreateOwn(source, _sourceRandom);
        var own = CreateOwn(key, _random);
        return AsHomonymOf(own, original, _random);
    }

    private bool IsHomonym(int key) =>
        key > 0 && SimRandom.Unit(seed, key, RandomStream.Homonym) < options.HomonymShare;

    private Person CreateOwn(int key, SimRandom random)
    {
        random.Reset(SimRandom.Derive(seed, key, RandomStream.Person));
        var sex = random.Chance(0.515) ? Sex.Female : Sex.Male;
        var birthDate = BirthDates.Draw(random, today);
        var birthName = FamilyNames.DrawBirthName(random, birthDate);
        var first = NameTables.FirstGivenNames(sex, birthDate.Year).Draw(random);
        var further = DrawFurtherGivenNames(random, sex, birthDate, first);
        var birthplace = Birthplaces.Draw(random);
        var age = AgeOn(birthDate);
        var usedName = sex == Sex.Female && random.Chance(MarriedShare(age)) ? FamilyNames.DrawUsedName(random, birthName) : null;
        var commune = Addresses.DrawCommune(random, birthplace);
        var mobile = random.Chance(0.9) ? PhoneNumbers.DrawMobile(random) : 0;
        var landline = random.Chance(age >= 60 ? 0.5 : 0.15) ? PhoneNumbers.DrawLandline(random, commune.Department) : 0;
        string[] emails = random.Chance(age switch { < 12 => 0.3, <= 70 => 0.75, _ => 0.35 })
            ? [EmailAddresses.Draw(random, first, usedName is not null && random.Chance(0.6) ? usedName : birthName, birthDate)]
            : [];
        var address = random.Chance(0.97) ? Addresses.Draw(random, commune) : null;
        var qualified = random.Chance(options.QualifiedShare);
        var extra = random.Chance(options.DuplicateShare) ? _extraRecords.Draw(random) : 0;
        return new Person
        {
            Key = key,
            Sex = sex,
            BirthDate = birthDate,
            BirthName = birthName,
            FirstGivenName = first,
            FurtherGivenNames = further,
            GivenNames = NameEntry.JoinGivenNames(first, further),
            Birthplace = birthplace,
            UsedName = usedName,
            Mobile = mobile,
            Landline = landline,
            Emails = emails,
            Address = address,
            Qualified = qualified,
            ExtraRecords = extra,
        };
    }

    /// <summary>
    /// Turns <paramref name="own"/> into a homonym of <paramref name="original"/>: same birth name, first given
    /// name, sex and birth date. Half differ only by birthplace; the other half by their further given names,
    /// and then share the birthplace half the time: the hardest negatives an identity server meets.
    /// </summary>
    private Person AsHomonymOf(Person own, Person original, SimRandom random)
    {
        Place birthplace;
        NameEntry[] further;
        if (random.Chance(0.5))
        {
            further = original.FurtherGivenNames;
            birthplace = own.Birthplace;
            while (birthplace.Code == original.Birthplace.Code)
            {
                birthplace = Birthplaces.Draw(random);
            }
        }
        else
        {
            further = own.FurtherGivenNames;
            while (SameNames(further, original.FurtherGivenNames))
            {
                further = DrawFurtherGivenNames(random, original.Sex, original.BirthDate, original.FirstGivenName, atLeastOne: true);
            }

            birthplace = random.Chance(0.5) ? original.Birthplace : own.Birthplace;
        }

        return new Person
        {
            Key = own.Key,
            Sex = original.Sex,
            BirthDate = original.BirthDate,
            BirthName = original.BirthName,
            FirstGivenName = original.FirstGivenName,
            FurtherGivenNames = further,
            GivenNames = NameEntry.JoinGivenNames(original.FirstGivenName, further),
            Birthplace = birthplace,
            // The married name, if any, must suit the age the homonym takes from the original.
            UsedName = original.Sex == Sex.Female && MarriedShare(AgeOn(original.BirthDate)) > 0 ? own.UsedName : null,
            Mobile = own.Mobile,
            Landline = own.Landline,
            Emails = own.Emails.Length == 0 ? [] : [EmailAddresses.Draw(random, original.FirstGivenName, original.BirthName, original.BirthDate)],
            Address = own.Address,
            Qualified = own.Qualified,
            ExtraRecords = own.ExtraRecords,
            HomonymOf = original.Key,
        };
    }

    /// <summary>Further given names: older generations got more of them.</summary>
    private static NameEntry[] DrawFurtherGivenNames(SimRandom random, Sex sex, DateOnly birthDate, NameEntry first, bool atLeastOne = false)
    {
        var u = random.Next(100);
        var count = birthDate.Year < 1960
            ? u switch { < 15 => 0, < 50 => 1, < 85 => 2, _ => 3 }
            : u switch { < 30 => 0, < 72 => 1, < 95 => 2, _ => 3 };
        count = Math.Max(count, atLeastOne ? 1 : 0);
        if (count == 0)
        {
            return [];
        }

        var table = NameTables.FurtherGivenNames(sex);
        var names = new NameEntry[count];
        for (var i = 0; i < count; i++)
        {
            var name = table.Draw(random);
            while (name.Normalized == first.Normalized || names.AsSpan(0, i).Contains(name))
            {
                name = table.Draw(random);
            }

            names[i] = name;
        }

        return names;
    }

    private static bool SameNames(NameEntry[] left, NameEntry[] right) =>
        left.Length == right.Length && left.Select(n => n.Normalized).SequenceEqual(right.Select(n => n.Normalized), StringComparer.Ordinal);

    /// <summary>Share of women using a spouse's name, rising with age.</summary>
    private static double MarriedShare(int age) => age switch
    {
        < 20 => 0,
        < 30 => 0.25,
        < 45 => 0.5,
        _ => 0.65,
    };

    private int AgeOn(DateOnly birthDate)
    {
        var age = today.Year - birthDate.Year;
        return birthDate.AddYears(age) > today ? age - 1 : age;
    }
}
