namespace Vigie.Core.Matching;

/// <summary>
/// The agreement level of every <see cref="ComparisonField"/> for one pair of records, packed in one integer
/// (3 bits a field) so that identical vectors group cheaply. Level 0 is always "missing" (weight 0), so the
/// default vector carries no evidence either way.
/// </summary>
public readonly record struct ComparisonVector
{
    /// <summary>How many fields a vector holds.</summary>
    public const int FieldCount = 9;

    private const int BitsPerField = 3;
    private const int FieldMask = (1 << BitsPerField) - 1;

    // Levels per field, missing included, indexed by ComparisonField.
    private static readonly int[] LevelCounts = [7, 7, 5, 3, 4, 3, 3, 4, 4];

    /// <summary>Builds a vector from each field's level.</summary>
    public ComparisonVector(
        NameAgreement familyName,
        GivenNameAgreement firstGivenName,
        DateAgreement birthDate,
        Agreement sex,
        PlaceAgreement birthplace,
        Agreement phone,
        Agreement email,
        GivenNamesAgreement givenNames = GivenNamesAgreement.Missing,
        AddressAgreement address = AddressAgreement.Missing)
    {
        Packed = Pack((int)familyName, 0) | Pack((int)firstGivenName, 1) | Pack((int)birthDate, 2) | Pack((int)sex, 3)
            | Pack((int)birthplace, 4) | Pack((int)phone, 5) | Pack((int)email, 6)
            | Pack((int)givenNames, 7) | Pack((int)address, 8);
    }

    private ComparisonVector(int packed) => Packed = packed;

    /// <summary>The levels packed 3 bits a field, <see cref="ComparisonField.FamilyName"/> in the low bits.</summary>
    public int Packed { get; }

    /// <summary>Family name level.</summary>
    public NameAgreement FamilyName => (NameAgreement)Level(ComparisonField.FamilyName);

    /// <summary>First given name level.</summary>
    public GivenNameAgreement FirstGivenName => (GivenNameAgreement)Level(ComparisonField.FirstGivenName);

    /// <summary>Birth date level.</summary>
    public DateAgreement BirthDate => (DateAgreement)Level(ComparisonField.BirthDate);

    /// <summary>Sex level.</summary>
    public Agreement Sex => (Agreement)Level(ComparisonField.Sex);

    /// <summary>Birthplace level.</summary>
    public PlaceAgreement Birthplace => (PlaceAgreement)Level(ComparisonField.Birthplace);

    /// <summary>Phone level.</summary>
    public Agreement Phone => (Agreement)Level(ComparisonField.Phone);

    /// <summary>Email level.</summary>
    public Agreement Email => (Agreement)Level(ComparisonField.Email);

    /// <summary>Further given names level.</summary>
    public GivenNamesAgreement GivenNames => (GivenNamesAgreement)Level(ComparisonField.GivenNames);

    /// <summary>Address level.</summary>
    public AddressAgreement Address => (AddressAgreement)Level(ComparisonField.Address);

    /// <summary>The level of one field as a number (0 = missing, higher = closer agreement).</summary>
    public int Level(ComparisonField field) => (Packed >> (BitsPerField * (int)field)) & FieldMask;

    /// <summary>How many levels <paramref name="field"/> has, the missing level included.</summary>
    public static int LevelCount(ComparisonField field) => LevelCounts[(int)field];

    /// <summary>Rebuilds a vector from <see cref="Packed"/>; throws when a level is out of range.</summary>
    public static ComparisonVector FromPacked(int packed)
    {
        if (packed >> (BitsPerField * FieldCount) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(packed), "bits beyond the last field are set");
        }

        var vector = new ComparisonVector(packed);
        for (var f = 0; f < FieldCount; f++)
        {
            if (vector.Level((ComparisonField)f) >= LevelCounts[f])
            {
                throw new ArgumentOutOfRangeException(nameof(packed), "a level is out of range for its field");
            }
        }

        return vector;
    }

    /// <summary>The same vector with one field set to <paramref name="level"/>.</summary>
    public ComparisonVector With(ComparisonField field, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, LevelCounts[(int)field]);
        var shift = BitsPerField * (int)field;
        return new ComparisonVector((Packed & ~(FieldMask << shift)) | (level << shift));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{FamilyName}/{FirstGivenName}/{BirthDate}/{Sex}/{Birthplace}/{Phone}/{Email}/{GivenNames}/{Address}";

    private static int Pack(int level, int field) => level << (BitsPerField * field);
}
