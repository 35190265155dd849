using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// Builds INS-NIR values: sex digit, year and month of birth, birthplace code (département and commune, or 99
/// and the country), order number, and the key 97 - (number mod 97), with 2A/2B counted as 19/18 as Core's
/// <see cref="InsNumber.Parse"/> expects.
/// </summary>
internal static class Nir
{
    public static string Build(Sex sex, DateOnly birthDate, Place birthplace, int order) =>
        string.Create(15, (sex, birthDate, birthplace.Code, order), static (span, state) =>
        {
            var (sex, date, place, order) = state;
            span[0] = sex == Sex.Female ? '2' : '1';
            TwoDigits(span[1..], date.Year % 100);
            TwoDigits(span[3..], date.Month);
            place.CopyTo(span[5..]);
            span[10] = (char)('0' + (order / 100));
            TwoDigits(span[11..], order % 100);

            // Corsica's letters are replaced by the digits the key is computed on.
            var number = 0L;
            for (var i = 0; i < 13; i++)
            {
                var digit = (i, span[i]) switch
                {
                    (5, '2') when span[6] is 'A' or 'B' => 1,
                    (6, 'A') => 9,
                    (6, 'B') => 8,
                    (_, var c) => c - '0',
                };
                number = (number * 10) + digit;
            }

            TwoDigits(span[13..], 97 - (int)(number % 97));
        });

    /// <summary>
    /// The cell an order number is unique in: two persons of the same sex born the same month (of a century)
    /// in the same place are told apart only by their order. Cells are numbered densely, from 0 to <see cref="CellCount"/>.
    /// </summary>
    public static int CellOf(Sex sex, DateOnly birthDate, Place birthplace) =>
        (((((sex == Sex.Female ? 1 : 0) * 100) + (birthDate.Year % 100)) * 12) + birthDate.Month - 1) * NameTables.AllPlaces.Length + birthplace.Ordinal;

    public static int CellCount => 2 * 100 * 12 * NameTables.AllPlaces.Length;

    private static void TwoDigits(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }
}
