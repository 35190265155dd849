namespace Vigie.Simulation.Identities;

/// <summary>
/// How one admission desk typed one record: letter case and accents ("Hélène", "HÉLÈNE", "HELENE", "hélène"),
/// a typographic apostrophe from a word processor, a stray space. The INS form of the result is always the
/// record's normalised trait: only presentation changes, which is exactly what the normaliser must undo.
/// </summary>
internal readonly record struct RawStyle(RawCase Case, bool TypographicApostrophe, bool StraySpace)
{
    public static RawStyle Draw(SimRandom random)
    {
        var u = random.Next(100);
        var rawCase = u switch
        {
            < 50 => RawCase.AsWritten,
            < 70 => RawCase.UpperAccented,
            < 95 => RawCase.UpperPlain,
            _ => RawCase.Lower,
        };
        return new RawStyle(rawCase, random.Chance(0.3), random.Chance(0.02));
    }

    /// <summary>The name as this desk typed it. The common styles return existing strings and allocate nothing.</summary>
    public string Apply(NameEntry name)
    {
        var text = Case switch
        {
            RawCase.AsWritten => name.Display,
            RawCase.UpperAccented => name.Display.ToUpperInvariant(),
            RawCase.UpperPlain => name.Normalized,
            _ => name.Display.ToLowerInvariant(),
        };
        if (TypographicApostrophe && text.Contains('\'', StringComparison.Ordinal))
        {
            text = text.Replace('\'', '\u2019');
        }

        return StraySpace ? text + " " : text;
    }
}
