namespace Vigie.Simulation.Identities;

/// <summary>
/// Personal email addresses built the way people build them: prenom.nom, prenomnom, p.nom, nom.prenom, now and
/// then with a birth year or a number, at a common French provider. Built from the INS form, so they hold
/// only a-z, digits, '.', '-' and '_'.
/// </summary>
internal static class EmailAddresses
{
    private static readonly WeightedTable<int> Patterns = new([(0, 45), (1, 15), (2, 10), (3, 10), (4, 5), (5, 15)]);

    public static string Draw(SimRandom random, NameEntry firstGivenName, NameEntry familyName, DateOnly birthDate)
    {
        // Names are at most 100 characters in INS form; the buffer holds two, the digits and the domain.
        Span<char> buffer = stackalloc char[256];
        var first = firstGivenName.Normalized;
        var family = familyName.Normalized;
        var length = Patterns.Draw(random) switch
        {
            0 => Append(buffer, 0, first, '.', family),
            1 => Append(buffer, 0, first, null, family),
            2 => Append(buffer, 0, first.AsSpan(0, 1), '.', family),
            3 => Append(buffer, 0, family, '.', first),
            4 => Append(buffer, 0, first, '_', family),
            _ => Append(buffer, 0, family, null, first.AsSpan(0, 1)),
        };

        if (random.Chance(0.3))
        {
            var suffix = random.Next(3) switch
            {
                0 => birthDate.Year % 100,
                1 => birthDate.Year,
                _ => random.Next(1, 100),
            };
            suffix.TryFormat(buffer[length..], out var written, suffix < 10 ? "D2" : "D", System.Globalization.CultureInfo.InvariantCulture);
            length += written;
        }

        buffer[length++] = '@';
        var domain = NameTables.EmailDomains.Draw(random);
        domain.CopyTo(buffer[length..]);
        return new string(buffer[..(length + domain.Length)]);
    }

    private static int Append(Span<char> buffer, int at, ReadOnlySpan<char> left, char? separator, ReadOnlySpan<char> right)
    {
        at = AppendLocal(buffer, at, left);
        if (separator is { } c)
        {
            buffer[at++] = c;
        }

        return AppendLocal(buffer, at, right);
    }

    /// <summary>Lower-case letters and hyphens of an INS-form name; spaces and apostrophes vanish, as in real addresses.</summary>
    private static int AppendLocal(Span<char> buffer, int at, ReadOnlySpan<char> normalized)
    {
        foreach (var c in normalized)
        {
            if (c is >= 'A' and <= 'Z')
            {
                buffer[at++] = (char)(c + ('a' - 'A'));
            }
            else if (c == '-' && buffer[at - 1] != '-')
            {
                buffer[at++] = '-';
            }
        }

        return at;
    }
}
