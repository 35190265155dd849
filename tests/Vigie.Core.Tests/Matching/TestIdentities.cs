using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Matching;

/// <summary>The kinds of error <see cref="TestIdentities.Corrupt"/> can put into a duplicate.</summary>
[Flags]
internal enum Corruption
{
    None = 0,
    BirthNameTypo = 1,
    GivenNameTypo = 2,
    DayMonthTransposed = 4,
    DateTypo = 8,
    MarriedNameAsBirthName = 16,
    MissingBirthplace = 32,
    MissingContact = 64,
    GivenNamesReordered = 128,
    PhoneFormat = 256,
}

/// <summary>
/// French-looking, already normalised identities for tests, with controlled corruptions for duplicates.
/// Family names: 10% from a list of common names (skewed), 90% built from syllables (a long tail, as in
/// France). Deterministic for a given seed.
/// </summary>
internal sealed class TestIdentities(Random random)
{
    private static readonly string[] CommonFamilyNames =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
        "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
        "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA",
        "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON",
        "MARCHAND", "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOEL", "MEYER", "DUFOUR", "MEUNIER",
        "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIERE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER", "ARNAUD",
        "MARTINEZ", "GERARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN", "VIDAL", "CARON",
        "PICARD", "ROGER", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS", "LACROIX", "OLIVIER", "PHILIPPE",
        "BOURGEOIS", "PIERRE", "BENOIT", "REY", "LECLERC", "PAYET", "ROLLAND", "LECLERCQ", "GUILLAUME", "LECOMTE",
        "LOPEZ", "JEAN", "DUPUY", "GUILLOT", "HUBERT", "BERGER", "CARPENTIER", "SANCHEZ", "DUPUIS", "MOULIN",
        "LOUIS", "DESCHAMPS", "HUET", "VASSEUR", "PEREZ", "BOUCHER", "FLEURY", "ROYER", "KLEIN", "JACQUET",
        "ADAM", "PARIS", "POIRIER", "MARTY", "AUBRY", "GUYOT", "CARRE", "CHARLES", "RENAULT", "CHARPENTIER",
        "MENARD", "MAILLARD", "BARON", "BERTIN", "BAILLY", "HERVE", "SCHNEIDER", "FERNANDEZ", "LE GALL", "COLLET",
        "LEGER", "BOUVIER", "JULIEN", "PREVOST", "MILLET", "PERROT", "DANIEL", "LE ROUX", "COUSIN", "GERMAIN",
        "BRETON", "BESSON", "LANGLOIS", "REMY", "LE GOFF", "PELLETIER", "LEVEQUE", "PERRIER", "LEBLANC", "BARRE",
        "LEBRUN", "MARCHAL", "WEBER", "MALLET", "HAMON", "BOULANGER", "JACOB", "MONNIER", "MICHAUD", "RODRIGUEZ",
        "GUICHARD", "GILLET", "ETIENNE", "GRONDIN", "POULAIN", "TESSIER", "CHEVALLIER", "COLLIN", "CHAUVIN", "DA SILVA",
        "BOUCHET", "GAY", "LEMAITRE", "BENARD", "MARECHAL", "HUMBERT", "REYNAUD", "ANTOINE", "HOARAU", "PERRET",
        "BARTHELEMY", "CORDIER", "PICHON", "LEJEUNE", "GILBERT", "LAMY", "DELAUNAY", "PASQUIER", "CARLIER", "LAPORTE",
        "D'ALMEIDA", "SAINT-CYR", "DE LA FONTAINE",
    ];

    private static readonly string[] Syllables =
    [
        "BER", "NAR", "DU", "MON", "LE", "GRAND", "CHA", "PEN", "TIER", "VAL", "LOU", "ROU", "GE", "FON", "TAI",
        "NE", "MAR", "TIN", "BOU", "CHER", "DE", "LA", "VI", "GNE", "POR", "TE", "SAU", "VA", "GEOT", "RI",
        "BAR", "BIER", "CO", "QUE", "MI", "LLE", "TOU", "RAS", "GOU", "DIN", "PRE", "VOST", "CLA", "VEL", "JOU",
        "BERT", "LIN", "GAR", "NIER", "HU", "GON", "FAR", "GES", "BLON", "DEL", "MAS", "SIN", "PI", "CARD", "RO",
    ];

    private static readonly string[] FemaleNames =
    [
        "MARIE", "NATHALIE", "ISABELLE", "SYLVIE", "CATHERINE", "FRANCOISE", "MARTINE", "CHRISTINE", "MONIQUE", "NICOLE",
        "VALERIE", "SANDRINE", "STEPHANIE", "VERONIQUE", "SOPHIE", "CELINE", "CHANTAL", "PATRICIA", "ANNE", "BRIGITTE",
        "JULIE", "AURELIE", "CAROLINE", "EMILIE", "JACQUELINE", "NADINE", "SEVERINE", "LAURENCE", "CORINNE", "CHRISTIANE",
        "CAMILLE", "LEA", "MANON", "CHLOE", "EMMA", "INES", "SARAH", "LAURA", "PAULINE", "MARINE",
        "JEANNE", "LOUISE", "ALICE", "LINA", "ROSE", "ANNE-SOPHIE", "MARIE-CLAIRE", "HELENE", "AGNES", "ODILE",
        "GENEVIEVE", "SIMONE", "YVETTE", "DENISE", "MADELEINE", "SUZANNE", "GISELE", "JOSIANE", "COLETTE", "PAULETTE",
    ];

    private static readonly string[] MaleNames =
    [
        "JEAN", "PHILIPPE", "MICHEL", "ALAIN", "PATRICK", "NICOLAS", "CHRISTOPHE", "PIERRE", "CHRISTIAN", "ERIC",
        "FREDERIC", "LAURENT", "STEPHANE", "DAVID", "PASCAL", "DANIEL", "SEBASTIEN", "JULIEN", "THIERRY", "OLIVIER",
        "BERNARD", "THOMAS", "ALEXANDRE", "GERARD", "DIDIER", "DOMINIQUE", "VINCENT", "FRANCOIS", "BRUNO", "GUILLAUME",
        "LUCAS", "HUGO", "LOUIS", "GABRIEL", "ARTHUR", "JULES", "ADAM", "RAPHAEL", "LEO", "MAEL",
        "JEAN-PIERRE", "JEAN-LUC", "JEAN-CLAUDE", "JACQUES", "ANDRE", "RENE", "ROGER", "MARCEL", "HENRI", "GEORGES",
        "YVES", "CLAUDE", "ROBERT", "PAUL", "MAURICE", "RAYMOND", "LUCIEN", "FERNAND", "EMILE", "ANTOINE",
    ];

    private static readonly string[] Birthplaces =
    [
        "75056", "69123", "13055", "31555", "59350", "33063", "44109", "67482", "35238", "34172",
        "06088", "76540", "38185", "21231", "49007", "29019", "80021", "63113", "37261", "59178",
        "62041", "14118", "57463", "54395", "86194", "87085", "25056", "45234", "51454", "2A004",
        "97411", "97209", "99350", "99352", "99127", "99134", "99139", "99109", "99351", "99131",
    ];

    private static readonly string[] Domains = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr"];

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Dictionary<(int, double), double[]> CumulativeWeights = [];

    private static readonly DateOnly FirstBirthDate = new(1925, 1, 1);
    private const int BirthDateSpanDays = 98 * 365;

    /// <summary>A new person with plausible, independent traits.</summary>
    public IdentityTraits Person()
    {
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        var names = sex == Sex.Female ? FemaleNames : MaleNames;
        var givenCount = 1 + Skewed(3, 1.5);
        var given = new List<string>(givenCount);
        while (given.Count < givenCount)
        {
            var name = names[Skewed(names.Length, 0.8)];
            if (!given.Contains(name))
            {
                given.Add(name);
            }
        }

        var birthDate = FirstBirthDate.AddDays(random.Next(BirthDateSpanDays));
        var birthName = FamilyName();
        string? usedName = sex == Sex.Female && birthDate.Year < 2000 && random.NextDouble() < 0.45 ? FamilyName() : null;
        var phones = new List<string>();
        if (random.NextDouble() < 0.75)
        {
            phones.Add((random.Next(2) == 0 ? "06" : "07") + random.Next(100_000_000).ToString("D8"));
        }

        if (random.NextDouble() < 0.10)
        {
            phones.Add("0" + (1 + random.Next(5)) + random.Next(100_000_000).ToString("D8"));
        }

        var emails = new List<string>();
        if (random.NextDouble() < 0.40)
        {
            emails.Add(given[0].ToLowerInvariant() + "." + (usedName ?? birthName).Replace(" ", string.Empty).ToLowerInvariant()
                + random.Next(1000) + "@" + Domains[random.Next(Domains.Length)]);
        }

        return new IdentityTraits(
            birthName,
            given[0],
            string.Join(' ', given),
            birthDate,
            sex,
            random.NextDouble() < 0.9 ? Birthplaces[random.Next(Birthplaces.Length)] : null,
            usedName,
            phones,
            emails,
            null);
    }

    /// <summary>A duplicate of <paramref name="person"/> carrying the given corruptions.</summary>
    public IdentityTraits Corrupt(IdentityTraits person, Corruption corruptions)
    {
        var result = person;
        if (corruptions.HasFlag(Corruption.BirthNameTypo))
        {
            result = result with { BirthName = Typo(result.BirthName) };
        }

        if (corruptions.HasFlag(Corruption.GivenNamesReordered) && result.GivenNames.Contains(' ', StringComparison.Ordinal))
        {
            var parts = result.GivenNames.Split(' ');
            (parts[0], parts[1]) = (parts[1], parts[0]);
            result = result with { FirstGivenName = parts[0], GivenNames = string.Join(' ', parts) };
        }

        if (corruptions.HasFlag(Corruption.GivenNameTypo))
        {
            var typo = Typo(result.FirstGivenName);
            var rest = result.GivenNames.Length > result.FirstGivenName.Length ? result.GivenNames[result.FirstGivenName.Length..] : string.Empty;
            result = result with { FirstGivenName = typo, GivenNames = typo + rest };
        }

        if (result.BirthDate is { } date)
        {
            if (corruptions.HasFlag(Corruption.DayMonthTransposed) && date.Day <= 12 && date.Day != date.Month)
            {
                result = result with { BirthDate = new DateOnly(date.Year, date.Day, date.Month) };
            }
            else if (corruptions.HasFlag(Corruption.DateTypo) || corruptions.HasFlag(Corruption.DayMonthTransposed))
            {
                result = result with { BirthDate = DateTypo(date) };
            }
        }

        if (corruptions.HasFlag(Corruption.MarriedNameAsBirthName) && result.UsedName is not null)
        {
            result = result with { BirthName = result.UsedName, UsedName = null };
        }

        if (corruptions.HasFlag(Corruption.MissingBirthplace))
        {
            result = result with { BirthplaceCode = null };
        }

        if (corruptions.HasFlag(Corruption.MissingContact))
        {
            result = result with { Phones = [], Emails = [] };
        }

        if (corruptions.HasFlag(Corruption.PhoneFormat) && result.Phones.Count > 0)
        {
            var phone = result.Phones[0];
            result = result with
            {
                Phones = ["+33 " + phone[1] + " " + phone[2..4] + " " + phone[4..6] + " " + phone[6..8] + " " + phone[8..]],
                Emails = result.Emails.Select(e => e.ToUpperInvariant()).ToList(),
            };
        }

        return result;
    }

    /// <summary>One or two corruptions drawn at random among the common ones.</summary>
    public Corruption RandomCorruptions()
    {
        Corruption[] kinds =
        [
            Corruption.BirthNameTypo, Corruption.GivenNameTypo, Corruption.DayMonthTransposed, Corruption.DateTypo,
            Corruption.MarriedNameAsBirthName, Corruption.MissingBirthplace, Corruption.MissingContact,
            Corruption.GivenNamesReordered, Corruption.PhoneFormat,
        ];
        var result = kinds[random.Next(kinds.Length)];
        if (random.NextDouble() < 0.4)
        {
            result |= kinds[random.Next(kinds.Length)];
        }

        return result;
    }

    /// <summary>One substitution, deletion, insertion or swap of adjacent letters, away from the first letter.</summary>
    public string Typo(string name)
    {
        if (name.Length < 3)
        {
            return name + Letters[random.Next(Letters.Length)];
        }

        var chars = name.ToList();
        var at = 1 + random.Next(chars.Count - 1);
        switch (random.Next(4))
        {
            case 0:
                chars[at] = Letters[random.Next(Letters.Length)];
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            case 2:
                chars.Insert(at, Letters[random.Next(Letters.Length)]);
                break;
            default:
                if (at == chars.Count - 1)
                {
                    at--;
                }

                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                break;
        }

        var typo = new string([.. chars]).Trim();
        return typo == name ? name + "E" : typo;
    }

    private DateOnly DateTypo(DateOnly date)
    {
        return random.Next(3) switch
        {
            0 => new DateOnly(date.Year, date.Month, 1 + ((date.Day + random.Next(1, 27)) % 28)),
            1 => new DateOnly(date.Year, 1 + ((date.Month + random.Next(1, 11)) % 12), Math.Min(date.Day, 28)),
            _ => new DateOnly(date.Year + (random.Next(2) == 0 ? -10 : 1), date.Month, Math.Min(date.Day, 28)),
        };
    }

    private string FamilyName()
    {
        if (random.NextDouble() < 0.10)
        {
            return CommonFamilyNames[Skewed(CommonFamilyNames.Length, 0.6)];
        }

        var syllables = 2 + random.Next(2);
        var name = string.Empty;
        for (var i = 0; i < syllables; i++)
        {
            name += Syllables[random.Next(Syllables.Length)];
        }

        return name;
    }

    // Zipf-like: index k with weight 1/(k+1)^s.
    private int Skewed(int count, double s)
    {
        var cumulative = Cumulative(count, s);
        var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(at < 0 ? ~at : at, count - 1);
    }

    private static double[] Cumulative(int count, double s)
    {
        lock (CumulativeWeights)
        {
            if (!CumulativeWeights.TryGetValue((count, s), out var cumulative))
            {
                cumulative = new double[count];
                var total = 0.0;
                for (var k = 0; k < count; k++)
                {
                    total += 1.0 / Math.Pow(k + 1, s);
                    cumulative[k] = total;
                }

                CumulativeWeights[(count, s)] = cumulative;
            }

            return cumulative;
        }
    }
}
