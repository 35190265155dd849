using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// Makes a person's records: the reference record, clean, in a first establishment; then each known duplicate,
/// mostly in another establishment, with the corruptions of <see cref="DuplicateRates"/>.
/// Each person's records draw from the person's own random stream. Not thread-safe: one factory per worker.
/// </summary>
internal sealed class RecordFactory
{
    // Corruptions that leave the strict traits intact: only such a duplicate may still be qualified.
    private const RecordCorruptions ContactOnly =
        RecordCorruptions.PhoneMissing | RecordCorruptions.EmailMissing | RecordCorruptions.AddressMissing | RecordCorruptions.AddressChanged;

    private static readonly string[] None = [];

    private readonly int _seed;
    private readonly DateOnly _today;
    private readonly Establishment[] _establishments;
    private readonly WeightedTable<int> _sizes;
    private readonly ulong[] _ippKeys;
    private readonly SimRandom _random = new(0);

    public RecordFactory(int seed, DateOnly today, Establishment[] establishments, WeightedTable<int> sizes)
    {
        _seed = seed;
        _today = today;
        _establishments = establishments;
        _sizes = sizes;
        _ippKeys = [.. Enumerable.Range(0, establishments.Length).Select(i => SimRandom.Derive(seed, i, RandomStream.Ipp))];
    }

    /// <summary>Writes the person's 1 + <see cref="Person.ExtraRecords"/> drafts from <paramref name="at"/>; returns the next free position.</summary>
    public int Draft(Person person, RecordDraft[] output, int at)
    {
        var random = _random;
        random.Reset(SimRandom.Derive(_seed, person.Key, RandomStream.Records));
        var home = _sizes.DrawIndex(random);
        var status = person.Qualified ? IdentityStatus.Qualified : Unqualified(random);
        var style = RawStyle.Draw(random);
        var (raw, traits) = Traits(
            person, style, random, person.BirthName, person.UsedName, person.FirstGivenName, person.GivenNames,
            person.BirthDate, person.Birthplace.Code, RecordCorruptions.None);
        output[at++] = new RecordDraft(person, true, _establishments[home], Ipp(person, 0, home), status, raw, traits, RecordCorruptions.None);

        for (var number = 1; number <= person.ExtraRecords; number++)
        {
            var where = _establishments.Length == 1 || random.Chance(DuplicateRates.SameEstablishment) ? home : OtherThan(home, random);
            output[at++] = Duplicate(person, number, where, random);
        }

        return at;
    }

    private RecordDraft Duplicate(Person person, int number, int where, SimRandom random)
    {
        var corruptions = RecordCorruptions.None;

        var birthName = person.BirthName;
        var usedName = person.UsedName;
        if (usedName is not null)
        {
            var u = random.NextDouble();
            if (u < DuplicateRates.UsedNameAsBirthName)
            {
                (birthName, usedName) = (usedName, null);
                corruptions |= RecordCorruptions.UsedNameAsBirthName;
            }
            else if (u < DuplicateRates.UsedNameAsBirthName + DuplicateRates.NamesSwapped)
            {
                (birthName, usedName) = (usedName, birthName);
                corruptions |= RecordCorruptions.BirthAndUsedNamesSwapped;
            }
        }

        if (random.Chance(DuplicateRates.SeparatorVariant) && NameVariants.OfFamilyName(birthName, random) is { } variant)
        {
            birthName = variant;
            corruptions |= RecordCorruptions.BirthNameSeparatorVariant;
        }

        if (random.Chance(DuplicateRates.BirthNameTypo))
        {
            (var typed, var kind) = Typos.Apply(birthName.Display, random);
            birthName = NameEntry.Of(typed);
            corruptions |= RecordCorruptions.BirthNameTypo | kind;
        }

        var (first, givenNames) = GivenNames(person, random, ref corruptions);
        var birthDate = BirthDate(person.BirthDate, random, ref corruptions);

        string? birthplace = person.Birthplace.Code;
        if (random.Chance(DuplicateRates.BirthplaceMissing))
        {
            birthplace = null;
            corruptions |= RecordCorruptions.BirthplaceMissing;
        }

        if (random.Chance(DuplicateRates.GivenNamesMissing))
        {
            givenNames = null;
            corruptions |= RecordCorruptions.GivenNamesMissing;
        }

        corruptions |= ContactChanges(person, random);
        var status = (corruptions & ~ContactOnly) != 0
            ? random.Chance(0.85) ? IdentityStatus.Provisional : IdentityStatus.Validated
            : person.Qualified && random.Chance(DuplicateRates.CleanDuplicateQualified) ? IdentityStatus.Qualified : Unqualified(random);
        var (raw, traits) = Traits(person, RawStyle.Draw(random), random, birthName, usedName, first, givenNames, birthDate, birthplace, corruptions);
        return new RecordDraft(person, false, _establishments[where], Ipp(person, number, where), status, raw, traits, corruptions);
    }

    /// <summary>The first given name and the list, with the variant, usual-name and typo corruptions.</summary>
    private static (NameEntry First, NameEntry? List) GivenNames(Person person, SimRandom random, ref RecordCorruptions corruptions)
    {
        var first = person.FirstGivenName;
        var further = person.FurtherGivenNames;
        if (first.IsCompound && random.Chance(DuplicateRates.FirstGivenNameVariant) && NameVariants.OfFirstGivenName(first, random) is { } variant)
        {
            first = variant;
            corruptions |= RecordCorruptions.FirstGivenNameVariant;
        }
        else if (further.Length > 0 && random.Chance(DuplicateRates.UsualGivenNameAsFirst))
        {
            // The desk knew only the name the person goes by, so that is the whole list it typed.
            first = further[0];
            further = [];
            corruptions |= RecordCorruptions.UsualGivenNameAsFirst;
        }

        if (random.Chance(DuplicateRates.FirstGivenNameTypo))
        {
            (var typed, var kind) = Typos.Apply(first.Display, random);
            first = NameEntry.Of(typed);
            corruptions |= RecordCorruptions.FirstGivenNameTypo | kind;
        }

        var list = ReferenceEquals(first, person.FirstGivenName) && ReferenceEquals(further, person.FurtherGivenNames)
            ? person.GivenNames
            : NameEntry.JoinGivenNames(first, further);
        return (first, list);
    }

    private DateOnly BirthDate(DateOnly date, SimRandom random, ref RecordCorruptions corruptions)
    {
        if (random.Chance(DuplicateRates.DayMonthSwap) && BirthDates.SwapDayAndMonth(date, _today) is { } swapped)
        {
            corruptions |= RecordCorruptions.BirthDateDayMonthSwapped;
            return swapped;
        }

        if (random.Chance(DuplicateRates.DateDigit) && BirthDates.ChangeOneDigit(date, random, _today) is { } changed)
        {
            corruptions |= RecordCorruptions.BirthDateDigitChanged;
            return changed;
        }

        return date;
    }

    /// <summary>Which of the person's contact data this record lacks or has changed; flags only what the person has.</summary>
    private static RecordCorruptions ContactChanges(Person person, SimRandom random)
    {
        var missing = RecordCorruptions.None;
        if ((person.Mobile != 0 || person.Landline != 0) && random.Chance(DuplicateRates.PhoneMissing))
        {
            missing |= RecordCorruptions.PhoneMissing;
        }

        if (person.Emails.Length > 0 && random.Chance(DuplicateRates.EmailMissing))
        {
            missing |= RecordCorruptions.EmailMissing;
        }

        if (person.Address is not null && random.Chance(DuplicateRates.AddressMissing))
        {
            missing |= RecordCorruptions.AddressMissing;
        }
        else if (person.Address is not null && random.Chance(DuplicateRates.AddressChanged))
        {
            missing |= RecordCorruptions.AddressChanged;
        }

        return missing;
    }

    /// <summary>The record's traits as typed (raw) and in INS form; both share the contact data.</summary>
    private static (IdentityTraits Raw, IdentityTraits Normalized) Traits(
        Person person, RawStyle style, SimRandom random, NameEntry birthName, NameEntry? usedName, NameEntry first,
        NameEntry? givenNames, DateOnly birthDate, string? birthplace, RecordCorruptions corruptions)
    {
        var phones = (corruptions & RecordCorruptions.PhoneMissing) != 0 ? None : Phones(person, random);
        var emails = (corruptions & RecordCorruptions.EmailMissing) != 0 ? None : person.Emails;
        var address = (corruptions & RecordCorruptions.AddressMissing) != 0 ? null
            : (corruptions & RecordCorruptions.AddressChanged) != 0 ? Addresses.Draw(random, Addresses.DrawCommune(random, person.Birthplace))
            : person.Address;
        var raw = new IdentityTraits(
            style.Apply(birthName), style.Apply(first), givenNames is null ? string.Empty : style.Apply(givenNames),
            birthDate, person.Sex, birthplace, usedName is null ? null : style.Apply(usedName), phones, emails, address);
        var normalized = new IdentityTraits(
            birthName.Normalized, first.Normalized, givenNames?.Normalized ?? string.Empty,
            birthDate, person.Sex, birthplace, usedName?.Normalized, phones, emails, address);
        return (raw, normalized);
    }

    private static string[] Phones(Person person, SimRandom random) => (person.Mobile, person.Landline) switch
    {
        (0, 0) => None,
        (_, 0) => [PhoneNumbers.Format(person.Mobile, random)],
        (0, _) => [PhoneNumbers.Format(person.Landline, random)],
        _ => [PhoneNumbers.Format(person.Mobile, random), PhoneNumbers.Format(person.Landline, random)],
    };

    private static IdentityStatus Unqualified(SimRandom random) =>
        random.Chance(0.45) ? IdentityStatus.Validated : IdentityStatus.Provisional;

    private int OtherThan(int home, SimRandom random)
    {
        var where = _sizes.DrawIndex(random);
        while (where == home)
        {
            where = _sizes.DrawIndex(random);
        }

        return where;
    }

    /// <summary>Slots are person key * 8 + record number, unique in the stream, so IPPs are unique per establishment.</summary>
    private LocalIdentifier Ipp(Person person, int number, int where) =>
        new(_establishments[where].IppSystem, IppScrambler.Format(((ulong)person.Key * 8) + (ulong)number, _ippKeys[where]));
}
