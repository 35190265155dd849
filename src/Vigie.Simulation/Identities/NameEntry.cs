namespace Vigie.Simulation.Identities;

/// <summary>
/// A name as written on a civil-status document (<see cref="Display"/>, with accents and mixed case) and its
/// INS form, computed once so that the common, uncorrupted case costs no allocation per record.
/// </summary>
internal sealed record NameEntry(string Display, string Normalized)
{
    public static NameEntry Of(string display) => new(display, InsForm.Normalize(display));

    /// <summary>A list of given names, space-separated as on the birth certificate: "Jean-Pierre Louis Marie".</summary>
    public static NameEntry JoinGivenNames(NameEntry first, NameEntry[] further) =>
        further.Length == 0
            ? first
            : new NameEntry(Join(first, further, static n => n.Display), Join(first, further, static n => n.Normalized));

    private static string Join(NameEntry first, NameEntry[] further, Func<NameEntry, string> part)
    {
        var length = part(first).Length + further.Length;
        foreach (var name in further)
        {
            length += part(name).Length;
        }

        return string.Create(length, (first, further, part), static (span, state) =>
        {
            var (head, rest, select) = state;
            select(head).CopyTo(span);
            var at = select(head).Length;
            foreach (var name in rest)
            {
                span[at++] = ' ';
                select(name).CopyTo(span[at..]);
                at += select(name).Length;
            }
        });
    }

    /// <summary>True for a compound given name such as "Jean-Pierre", which desks often type with a space.</summary>
    public bool IsCompound => Display.Contains('-', StringComparison.Ordinal);
}
