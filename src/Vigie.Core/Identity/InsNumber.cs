namespace Vigie.Core.Identity;

/// <summary>Which register an INS number comes from; each has its own OID.</summary>
public enum InsKind
{
    /// <summary>INS-NIR, the social security number (urn:oid:1.2.250.1.213.1.4.8).</summary>
    Nir,
    /// <summary>INS-NIA, the provisional number while a NIR is assigned (urn:oid:1.2.250.1.213.1.4.9).</summary>
    Nia,
    /// <summary>Test identities of the INSi teleservice (urn:oid:1.2.250.1.213.1.4.10).</summary>
    Test,
    /// <summary>Demonstration identities (urn:oid:1.2.250.1.213.1.4.11).</summary>
    Demo,
}

/// <summary>
/// An INS number (matricule INS): 13 characters plus a 2-digit key. Carried only by a qualified identity.
/// The value is stored as its 15 characters without spaces.
/// </summary>
public readonly record struct InsNumber(InsKind Kind, string Value)
{
    /// <summary>The FHIR identifier system for each kind.</summary>
    public string System => SystemOf(Kind);

    /// <summary>The FHIR identifier system (an OID URN) for an INS kind.</summary>
    public static string SystemOf(InsKind kind) => kind switch
    {
        InsKind.Nir => "urn:oid:1.2.250.1.213.1.4.8",
        InsKind.Nia => "urn:oid:1.2.250.1.213.1.4.9",
        InsKind.Test => "urn:oid:1.2.250.1.213.1.4.10",
        InsKind.Demo => "urn:oid:1.2.250.1.213.1.4.11",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The INS kind for a FHIR identifier system, or null when the system is not an INS one.</summary>
    public static InsKind? KindOf(string? system) => system switch
    {
        "urn:oid:1.2.250.1.213.1.4.8" => InsKind.Nir,
        "urn:oid:1.2.250.1.213.1.4.9" => InsKind.Nia,
        "urn:oid:1.2.250.1.213.1.4.10" => InsKind.Test,
        "urn:oid:1.2.250.1.213.1.4.11" => InsKind.Demo,
        _ => null,
    };

    /// <summary>
    /// Parses an INS number: 15 characters once spaces are removed, digits except 2A/2B for Corsican births
    /// in positions 6-7, and a key equal to 97 minus the number modulo 97 (Corsica: 2A counts as 19, 2B as 18).
    /// </summary>
    public static ParseResult<InsNumber> Parse(InsKind kind, string? raw)
    {
        if (raw is null)
        {
            return ParseResult<InsNumber>.Fail("the INS number is missing");
        }

        var value = raw.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Length != 15)
        {
            return ParseResult<InsNumber>.Fail("an INS number has 13 characters and a 2-digit key");
        }

        var body = value[..13];
        if (body[5..7] is "2A")
        {
            body = body[..5] + "19" + body[7..];
        }
        else if (body[5..7] is "2B")
        {
            body = body[..5] + "18" + body[7..];
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c))
            {
                return ParseResult<InsNumber>.Fail("an INS number contains only digits (2A/2B allowed for Corsica)");
            }
        }

        if (value[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return ParseResult<InsNumber>.Fail("an INS number starts with 1, 2, 3, 4, 7 or 8");
        }

        if (!int.TryParse(value.AsSpan(13, 2), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var key))
        {
            return ParseResult<InsNumber>.Fail("the INS key is two digits");
        }

        var number = long.Parse(body, global::System.Globalization.CultureInfo.InvariantCulture);
        var expected = 97 - (int)(number % 97);
        return key == expected
            ? ParseResult<InsNumber>.Ok(new InsNumber(kind, value))
            : ParseResult<InsNumber>.Fail("the INS key does not match the number");
    }
}
