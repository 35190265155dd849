namespace Vigie.Core.Matching;

/// <summary>
/// Blocking: the 64-bit keys under which a record is filed, so that only records sharing a key are compared.
/// A key holds its <see cref="BlockingRule"/> in the top four bits and 60 bits of a hash of its values (FNV-1a
/// over text, SplitMix64 to combine), the same on every process and machine.
/// </summary>
/// <remarks>
/// <para>Each family of keys survives a different kind of error (phonetic codes are the published
/// four-letter <see cref="FrenchPhonetic"/> prefix, coarse on purpose):</para>
/// <list type="number">
/// <item>family name + birth year, for the birth and the used name alike, so that a married name entered as
/// a birth name meets the record that holds it as a used name (survives given-name, day/month and
/// transposition errors);</item>
/// <item>first given name + full birth date (survives any family-name change, a typo included);</item>
/// <item>full birth date + sex, and the same with day and month swapped (survives both names changing,
/// and transposition);</item>
/// <item>family name + first given name, phonetic, + birth month (survives day and year errors);</item>
/// <item>exact family name + first letter of the first given name (survives a given-name error together
/// with a date error);</item>
/// <item>each phone number; each email address;</item>
/// <item>first given name + birthplace + birth year (survives a family-name error with a day/month error).</item>
/// </list>
/// <para>Blocks larger than the cap of <see cref="DuplicateScanner"/> are skipped and counted in its result,
/// never truncated: their pairs are still compared when they share a smaller block.</para>
/// </remarks>
public static class BlockingKeys
{
    /// <summary>At most this many keys per record.</summary>
    public const int MaxKeys = 16;

    /// <summary>Default cap on block size: a block of 1,000 holds about half a million pairs.</summary>
    public const int DefaultMaxBlockSize = 1000;

    private const int PhoneticLetters = FrenchPhonetic.PublishedLength;
    private const int MaxContactKeys = 3;

    private const BlockingRule FamilyYear = BlockingRule.FamilyNameAndBirthYear;
    private const BlockingRule GivenDate = BlockingRule.GivenNameAndBirthDate;
    private const BlockingRule DateSex = BlockingRule.BirthDateAndSex;
    private const BlockingRule FamilyGiven = BlockingRule.FamilyNameAndGivenName;
    private const BlockingRule NameInitial = BlockingRule.ExactFamilyNameAndInitial;
    private const BlockingRule Phone = BlockingRule.Phone;
    private const BlockingRule Email = BlockingRule.Email;
    private const BlockingRule GivenPlaceYear = BlockingRule.GivenNameBirthplaceAndYear;
    private const int RuleShift = 60;
    private const ulong HashMask = (1UL << RuleShift) - 1;

    // Fields whose agreement a rule forces or makes likely among the strangers it brings together, and which
    // EM therefore ignores for the pairs of that rule (see MatchModelEstimator).
    private static readonly ComparisonField[][] Implied =
    [
        [],
        [ComparisonField.FamilyName, ComparisonField.BirthDate],
        [ComparisonField.FirstGivenName, ComparisonField.BirthDate, ComparisonField.Sex],
        [ComparisonField.BirthDate, ComparisonField.Sex],
        [ComparisonField.FamilyName, ComparisonField.FirstGivenName, ComparisonField.Sex, ComparisonField.BirthDate],
        [ComparisonField.FamilyName, ComparisonField.FirstGivenName],
        [ComparisonField.Phone, ComparisonField.FamilyName, ComparisonField.Address],
        [ComparisonField.Email, ComparisonField.FamilyName],
        [ComparisonField.FirstGivenName, ComparisonField.Birthplace, ComparisonField.BirthDate, ComparisonField.Sex],
    ];

    /// <summary>The rule a key was made by (its top four bits).</summary>
    public static BlockingRule RuleOf(long key) => (BlockingRule)(int)((ulong)key >> RuleShift);

    /// <summary>
    /// The fields on which strangers brought together by <paramref name="rule"/> agree more often than strangers
    /// in general: the rule's own fields, and sex where a given name implies it; relatives share phones, emails,
    /// family names and (with a landline) an address. EM leaves them out for that rule's pairs.
    /// </summary>
    public static IReadOnlyList<ComparisonField> FieldsImpliedBy(BlockingRule rule) => Implied[(int)rule];

    /// <summary>The distinct keys of <paramref name="record"/>, in ascending order.</summary>
    public static long[] For(MatchRecord record)
    {
        Span<long> keys = stackalloc long[MaxKeys];
        var count = Write(record, keys);
        return keys[..count].ToArray();
    }

    /// <summary>Writes the distinct keys of <paramref name="record"/>, ascending; returns how many.</summary>
    internal static int Write(MatchRecord record, Span<long> keys)
    {
        ArgumentNullException.ThrowIfNull(record);
        var n = 0;
        var birth = FrenchPhonetic.Prefix(record.BirthNameKey, PhoneticLetters);
        var used = FrenchPhonetic.Prefix(record.UsedNameKey, PhoneticLetters);
        var given = FrenchPhonetic.Prefix(record.FirstGivenNameKey, PhoneticLetters);
        var year = record.BirthYear;
        var hasDate = year != 0;
        var date = (year * 10000) + (record.BirthMonth * 100) + record.BirthDay;

        if (hasDate)
        {
            if (birth != 0)
            {
                keys[n++] = Hash(FamilyYear, birth, year);
            }

            if (used != 0)
            {
                keys[n++] = Hash(FamilyYear, used, year);
            }

            if (given != 0)
            {
                keys[n++] = Hash(GivenDate, given, date);
            }

            if (record.Sex != Identity.Sex.Unknown)
            {
                keys[n++] = Hash(DateSex, (ulong)record.Sex, date);
                if (record.BirthDay <= 12 && record.BirthDay != record.BirthMonth)
                {
                    var swapped = (year * 10000) + (record.BirthDay * 100) + record.BirthMonth;
                    keys[n++] = Hash(DateSex, (ulong)record.Sex, swapped);
                }
            }
        }

        if (given != 0)
        {
            // The birth month keeps the blocks of common names small (MARTIN + MARIE) and survives day and
            // year errors; a month error is left to the family name + year rule.
            var givenAndMonth = (int)(given >> (5 * (FrenchPhonetic.KeyLength - PhoneticLetters))) | (record.BirthMonth << 20);
            var initial = record.FirstGivenName[0];
            if (birth != 0)
            {
                keys[n++] = Hash(NameInitial, record.BirthName, initial);
                if (hasDate)
                {
                    keys[n++] = Hash(FamilyGiven, birth, givenAndMonth);
                }
            }

            if (used != 0)
            {
                keys[n++] = Hash(NameInitial, record.UsedName, initial);
                if (hasDate)
                {
                    keys[n++] = Hash(FamilyGiven, used, givenAndMonth);
                }
            }

            if (hasDate && record.BirthplaceCode is not null)
            {
                keys[n++] = Hash(GivenPlaceYear, record.BirthplaceCode, given, year);
            }
        }

        for (var i = 0; i < record.Phones.Count && i < MaxContactKeys; i++)
        {
            keys[n++] = Hash(Phone, record.Phones[i]);
        }

        for (var i = 0; i < record.Emails.Count && i < MaxContactKeys; i++)
        {
            keys[n++] = Hash(Email, record.Emails[i]);
        }

        return SortDistinct(keys[..n]);
    }

    private static int SortDistinct(Span<long> keys)
    {
        if (keys.IsEmpty)
        {
            return 0;
        }

        keys.Sort();
        var write = 1;
        for (var read = 1; read < keys.Length; read++)
        {
            if (keys[read] != keys[write - 1])
            {
                keys[write++] = keys[read];
            }
        }

        return write;
    }

    private static long Hash(BlockingRule rule, ulong code, int number) =>
        Tagged(rule, StableHash.Combine((byte)rule, code, (ulong)number));

    private static long Hash(BlockingRule rule, ReadOnlySpan<char> text, char initial) =>
        Tagged(rule, StableHash.Combine((byte)rule, StableHash.OfText(text), initial));

    private static long Hash(BlockingRule rule, ReadOnlySpan<char> text, ulong code, int number) =>
        Tagged(rule, StableHash.Combine((byte)rule, StableHash.OfText(text), code, (ulong)number));

    private static long Hash(BlockingRule rule, ReadOnlySpan<char> text) =>
        Tagged(rule, StableHash.Combine((byte)rule, StableHash.OfText(text), 0));

    // 60 bits of hash under the rule: about 10^7 keys of a large register collide with odds near 10^-4.
    private static long Tagged(BlockingRule rule, long hash) => unchecked((long)(((ulong)hash & HashMask) | ((ulong)rule << RuleShift)));
}
