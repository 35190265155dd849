namespace Vigie.Simulation.Identities;

/// <summary>
/// French phone numbers: 06/07 mobiles, 03 landlines with the area prefix of the address's département,
/// written the many ways admission desks write them ("06 12 34 56 78", "0612345678", "+33 6 12 ...").
/// Numbers are kept as 9 digits without the leading 0 so each record can format them its own way.
/// </summary>
internal static class PhoneNumbers
{
    // Styles: 0 "06 12 34 56 78", 1 "0612345678", 2 "06.12.34.56.78", 3 "+33 6 12 34 56 78", 4 "+33612345678",
    // 5 "06-12-34-56-78", weighted by how often desks write them; their lengths follow.
    private static readonly WeightedTable<int> Formats = new([(0, 40), (1, 30), (2, 12), (3, 10), (4, 5), (5, 3)]);
    private static readonly int[] Lengths = [14, 10, 14, 17, 12, 14];

    public static long DrawMobile(SimRandom random) =>
        (random.Chance(0.7) ? 600_000_000L : 700_000_000L) + random.Next(100_000_000);

    public static long DrawLandline(SimRandom random, string department)
    {
        var area = department switch
        {
            "62" => 321,
            "80" => 322,
            "02" => 323,
            "60" => 344,
            _ => random.Next(3) switch { 0 => 327, 1 => 328, _ => 320 },
        };
        return area * 1_000_000L + random.Next(1_000_000);
    }

    /// <summary>Writes a 9-digit national number in one of the usual styles, drawn per record.</summary>
    public static string Format(long national, SimRandom random)
    {
        var style = Formats.Draw(random);
        return string.Create(Lengths[style], (national, style), static (span, state) =>
        {
            var (number, style) = state;
            Span<char> digits = stackalloc char[10];
            digits[0] = '0';
            for (var i = 9; i >= 1; i--)
            {
                digits[i] = (char)('0' + (int)(number % 10));
                number /= 10;
            }

            switch (style)
            {
                case 1:
                    digits.CopyTo(span);
                    break;
                case 3:
                    "+33 ".CopyTo(span);
                    span[4] = digits[1];
                    Grouped(digits[2..], span[5..], ' ');
                    break;
                case 4:
                    "+33".CopyTo(span);
                    digits[1..].CopyTo(span[3..]);
                    break;
                default:
                    var separator = style switch { 2 => '.', 5 => '-', _ => ' ' };
                    span[0] = digits[0];
                    span[1] = digits[1];
                    Grouped(digits[2..], span[2..], separator);
                    break;
            }
        });
    }

    /// <summary>Writes 8 digits as 4 pairs, each preceded by the separator.</summary>
    private static void Grouped(ReadOnlySpan<char> eightDigits, Span<char> destination, char separator)
    {
        for (var pair = 0; pair < 4; pair++)
        {
            destination[pair * 3] = separator;
            destination[(pair * 3) + 1] = eightDigits[pair * 2];
            destination[(pair * 3) + 2] = eightDigits[(pair * 2) + 1];
        }
    }
}
