namespace Vigie.Simulation.Identities;

/// <summary>
/// One keyboard slip in a name: a letter replaced (by an AZERTY neighbour or a sound-alike), deleted, doubled
/// or transposed with the next. The result always differs in INS form, never loses a whole word and never
/// puts two separators together, so it stays a name the INS rules accept.
/// </summary>
internal static class Typos
{
    // AZERTY neighbours of each letter a-z: French desks type on AZERTY keyboards.
    private static readonly string[] Neighbours =
    [
        "zq", "vn", "xv", "sfe", "zrd", "dgr", "fht", "gjy", "uok", "hku", "jli", "kmo", "lp",
        "bh", "ipl", "om", "as", "etf", "qdz", "ryg", "yij", "cb", "xq", "wc", "tuh", "aes",
    ];

    // Sound-alike slips, more typical of dictated names than of fingers: c/k, d/t, f/v, i/y, m/n, s/z; '?' for none.
    private const string SoundAlikes = "??kt?v??y?c?nm?????zd?f??is";

    private static readonly WeightedTable<RecordCorruptions> Kinds = new(
    [
        (RecordCorruptions.LetterSubstituted, 35),
        (RecordCorruptions.LetterDeleted, 25),
        (RecordCorruptions.LetterInserted, 20),
        (RecordCorruptions.LettersTransposed, 20),
    ]);

    public static (string Text, RecordCorruptions Kind) Apply(string name, SimRandom random)
    {
        var kind = Kinds.Draw(random);
        Span<int> candidates = stackalloc int[name.Length];
        switch (kind)
        {
            case RecordCorruptions.LetterDeleted:
            {
                var count = Candidates(name, candidates, deletable: true);
                if (count > 0)
                {
                    var at = candidates[random.Next(count)];
                    return (name.Remove(at, 1), kind);
                }

                break;
            }

            case RecordCorruptions.LetterInserted:
            {
                var at = candidates[random.Next(Candidates(name, candidates, deletable: false))];
                var inserted = random.Chance(0.6) ? Base(name[at]) : Base(Neighbour(name[at], random, soundAlike: false));
                inserted = char.IsUpper(name[at]) && (at + 1 == name.Length || !char.IsLower(name[at + 1])) ? char.ToUpperInvariant(inserted) : inserted;
                return (name.Insert(at + 1, inserted.ToString()), kind);
            }

            case RecordCorruptions.LettersTransposed:
            {
                var count = 0;
                for (var i = 0; i + 1 < name.Length; i++)
                {
                    if (char.IsLetter(name[i]) && char.IsLetter(name[i + 1]) && Base(name[i]) != Base(name[i + 1]))
                    {
                        candidates[count++] = i;
                    }
                }

                if (count > 0)
                {
                    var at = candidates[random.Next(count)];
                    return (Transpose(name, at), kind);
                }

                break;
            }

            default:
                break;
        }

        var position = candidates[random.Next(Candidates(name, candidates, deletable: false))];
        var replacement = Neighbour(name[position], random, soundAlike: random.Chance(0.3));
        return (string.Create(name.Length, (name, position, replacement), static (span, state) =>
        {
            state.name.CopyTo(span);
            span[state.position] = state.replacement;
        }), RecordCorruptions.LetterSubstituted);
    }

    /// <summary>Swaps the letters at <paramref name="at"/> and after it, keeping each position's case ("Martin" -> "Amrtin").</summary>
    private static string Transpose(string name, int at) =>
        string.Create(name.Length, (name, at), static (span, state) =>
        {
            var (text, i) = state;
            text.CopyTo(span);
            span[i] = WithCaseOf(text[i + 1], text[i]);
            span[i + 1] = WithCaseOf(text[i], text[i + 1]);
        });

    private static char WithCaseOf(char letter, char model) =>
        char.IsUpper(model) ? char.ToUpperInvariant(letter) : char.ToLowerInvariant(letter);

    /// <summary>A different letter, in the case of <paramref name="letter"/>.</summary>
    private static char Neighbour(char letter, SimRandom random, bool soundAlike)
    {
        var index = Base(letter) - 'a';
        var replacement = soundAlike && SoundAlikes[index] != '?' ? SoundAlikes[index] : Neighbours[index][random.Next(Neighbours[index].Length)];
        return char.IsUpper(letter) ? char.ToUpperInvariant(replacement) : replacement;
    }

    /// <summary>The positions of letters; with <paramref name="deletable"/>, only those whose word keeps another letter.</summary>
    private static int Candidates(string name, Span<int> positions, bool deletable)
    {
        var count = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsLetter(name[i]))
            {
                continue;
            }

            var hasLetterNeighbour = (i > 0 && char.IsLetter(name[i - 1])) || (i + 1 < name.Length && char.IsLetter(name[i + 1]));
            if (!deletable || hasLetterNeighbour)
            {
                positions[count++] = i;
            }
        }

        return count;
    }

    /// <summary>The lower-case base letter a-z of a letter, accents and ligatures (first letter) removed.</summary>
    private static char Base(char letter) => letter switch
    {
        >= 'a' and <= 'z' => letter,
        >= 'A' and <= 'Z' => (char)(letter + ('a' - 'A')),
        'œ' or 'Œ' => 'o',
        'æ' or 'Æ' => 'a',
        _ => (char)(InsForm.FoldAccent(letter) + ('a' - 'A')),
    };
}
