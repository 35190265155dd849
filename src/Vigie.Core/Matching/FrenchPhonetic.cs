namespace Vigie.Core.Matching;

/// <summary>
/// Soundex2, Frédéric Brouard's French adaptation of Soundex ("L'art des Soundex", sqlpro.developpez.com),
/// implemented from its published rule list. Input is a name already normalised to the INS alphabet
/// (upper-case A–Z, space, hyphen, apostrophe); anything else is ignored.
/// </summary>
/// <remarks>
/// <para>The published steps, in order (each is a method below, tested on its own):</para>
/// <list type="number">
/// <item>keep letters only (blanks, hyphens and apostrophes go: compound names are one word);</item>
/// <item>replace letter groups, each rule over the whole word in this order:
/// GUI→KI, GUE→KE, GA→KA, GO→KO, GU→K, CA→KA, CO→KO, CU→KU, Q→K, CC→K, CK→K;</item>
/// <item>replace every vowel except Y by A, except the first letter;</item>
/// <item>replace the prefixes MAC→MCC, ASA→AZA, KN→NN, PF→FF, PH→FF, SCH→SSS;</item>
/// <item>remove H unless it follows C or S;</item>
/// <item>remove Y unless it follows A;</item>
/// <item>remove one final A, D, T or S;</item>
/// <item>remove every A except the first letter;</item>
/// <item>collapse repeated letters;</item>
/// <item>keep the first four letters (the published code is padded with blanks to four; we do not pad).</item>
/// </list>
/// <para>Two readings we had to choose, because the rule list is ambiguous:
/// step 7 never empties a one-letter code (the regular expression <c>(.*)[ADTS]$</c> would turn "A" into ""),
/// and step 9 collapses whole runs (BNNN → BN), where some implementations replace pairs only (BNNN → BNN).</para>
/// <para>The matcher compares the untruncated code (<see cref="Key"/> keeps up to 12 letters) and blocks on
/// the published four-letter prefix, which is coarser and therefore better for recall.</para>
/// </remarks>
public static class FrenchPhonetic
{
    /// <summary>The code length of the published algorithm.</summary>
    public const int PublishedLength = 4;

    /// <summary>How many code letters a <see cref="Key"/> holds (5 bits each in a 64-bit word).</summary>
    public const int KeyLength = 12;

    // Longest input we encode; longer names are cut (no INS name is this long).
    private const int MaxInput = 128;

    /// <summary>The Soundex2 code of <paramref name="name"/>, cut to <paramref name="maxLength"/> letters.</summary>
    /// <param name="name">A normalised name.</param>
    /// <param name="maxLength">Code length; <see cref="PublishedLength"/> gives the published code.</param>
    public static string Encode(ReadOnlySpan<char> name, int maxLength = PublishedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        Span<char> buffer = stackalloc char[MaxInput];
        var length = EncodeFull(name, buffer);
        return new string(buffer[..Math.Min(length, maxLength)]);
    }

    /// <summary>
    /// The untruncated code (up to <see cref="KeyLength"/> letters) packed into a number, 5 bits per letter,
    /// first letter in the high bits; 0 when the name has no letter. Equal keys mean equal codes.
    /// </summary>
    public static ulong Key(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[MaxInput];
        var length = Math.Min(EncodeFull(name, buffer), KeyLength);
        ulong key = 0;
        for (var i = 0; i < KeyLength; i++)
        {
            key <<= 5;
            if (i < length)
            {
                key |= (uint)(buffer[i] - 'A' + 1);
            }
        }

        return key;
    }

    /// <summary>The first <paramref name="letters"/> letters of a <see cref="Key"/>, still as a key.</summary>
    public static ulong Prefix(ulong key, int letters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(letters);
        if (letters >= KeyLength)
        {
            return key;
        }

        var dropBits = 5 * (KeyLength - letters);
        return key >> dropBits << dropBits;
    }

    /// <summary>Runs every step; returns the code length written at the start of <paramref name="buffer"/>.</summary>
    internal static int EncodeFull(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var length = KeepLetters(name, buffer);
        if (length == 0)
        {
            return 0;
        }

        length = ReplaceGroups(buffer, length);
        VowelsToA(buffer[..length]);
        ReplacePrefix(buffer[..length]);
        length = RemoveH(buffer, length);
        length = RemoveY(buffer, length);
        length = RemoveFinalADTS(buffer, length);
        length = RemoveA(buffer, length);
        return CollapseRepeats(buffer, length);
    }

    /// <summary>Step 1: letters A–Z only.</summary>
    internal static int KeepLetters(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in name)
        {
            if (c is >= 'A' and <= 'Z' && length < buffer.Length)
            {
                buffer[length++] = c;
            }
        }

        return length;
    }

    /// <summary>Step 2: the letter groups, each rule applied over the whole word before the next.</summary>
    internal static int ReplaceGroups(Span<char> buffer, int length)
    {
        // Every rule starts with G, C or Q, and none creates one of them: words without them skip the rules.
        if (buffer[..length].Contains('G'))
        {
            length = ReplaceAll(buffer, length, "GUI", "KI");
            length = ReplaceAll(buffer, length, "GUE", "KE");
            length = ReplaceAll(buffer, length, "GA", "KA");
            length = ReplaceAll(buffer, length, "GO", "KO");
            length = ReplaceAll(buffer, length, "GU", "K");
        }

        var hasC = buffer[..length].Contains('C');
        if (hasC)
        {
            length = ReplaceAll(buffer, length, "CA", "KA");
            length = ReplaceAll(buffer, length, "CO", "KO");
            length = ReplaceAll(buffer, length, "CU", "KU");
        }

        length = ReplaceAll(buffer, length, "Q", "K");
        if (hasC)
        {
            length = ReplaceAll(buffer, length, "CC", "K");
            length = ReplaceAll(buffer, length, "CK", "K");
        }

        return length;
    }

    /// <summary>Step 3: E, I, O, U become A; the first letter and Y stay.</summary>
    internal static void VowelsToA(Span<char> code)
    {
        for (var i = 1; i < code.Length; i++)
        {
            if (code[i] is 'E' or 'I' or 'O' or 'U')
            {
                code[i] = 'A';
            }
        }
    }

    /// <summary>Step 4: the prefixes (each keeps the length, so at most one applies).</summary>
    internal static void ReplacePrefix(Span<char> code)
    {
        if (code.StartsWith("MAC"))
        {
            "MCC".CopyTo(code);
        }
        else if (code.StartsWith("ASA"))
        {
            "AZA".CopyTo(code);
        }
        else if (code.StartsWith("KN"))
        {
            "NN".CopyTo(code);
        }
        else if (code.StartsWith("PF") || code.StartsWith("PH"))
        {
            "FF".CopyTo(code);
        }
        else if (code.StartsWith("SCH"))
        {
            "SSS".CopyTo(code);
        }
    }

    /// <summary>Step 5: H goes unless it follows C or S (a leading H has nothing before it and stays).</summary>
    internal static int RemoveH(Span<char> buffer, int length)
    {
        // "Follows" is judged on the word as it was before this step, as a global regex replacement does.
        var write = 1;
        var previous = buffer[0];
        for (var read = 1; read < length; read++)
        {
            var current = buffer[read];
            if (current != 'H' || previous is 'C' or 'S')
            {
                buffer[write++] = current;
            }

            previous = current;
        }

        return Math.Min(write, length);
    }

    /// <summary>Step 6: Y goes unless it follows A (a leading Y stays).</summary>
    internal static int RemoveY(Span<char> buffer, int length)
    {
        var write = 1;
        var previous = buffer[0];
        for (var read = 1; read < length; read++)
        {
            var current = buffer[read];
            if (current != 'Y' || previous == 'A')
            {
                buffer[write++] = current;
            }

            previous = current;
        }

        return Math.Min(write, length);
    }

    /// <summary>Step 7: one final A, D, T or S goes, unless it is the only letter left.</summary>
    internal static int RemoveFinalADTS(Span<char> buffer, int length) =>
        length > 1 && buffer[length - 1] is 'A' or 'D' or 'T' or 'S' ? length - 1 : length;

    /// <summary>Step 8: every A goes except a first letter A.</summary>
    internal static int RemoveA(Span<char> buffer, int length)
    {
        var write = 1;
        for (var read = 1; read < length; read++)
        {
            if (buffer[read] != 'A')
            {
                buffer[write++] = buffer[read];
            }
        }

        return Math.Min(write, length);
    }

    /// <summary>Step 9: a run of one letter becomes a single letter.</summary>
    internal static int CollapseRepeats(Span<char> buffer, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        var write = 1;
        for (var read = 1; read < length; read++)
        {
            if (buffer[read] != buffer[write - 1])
            {
                buffer[write++] = buffer[read];
            }
        }

        return write;
    }

    // Left-to-right, non-overlapping replacement, as a string Replace does; replacements never lengthen.
    private static int ReplaceAll(Span<char> buffer, int length, ReadOnlySpan<char> from, ReadOnlySpan<char> to)
    {
        var found = buffer[..length].IndexOf(from);
        if (found < 0)
        {
            return length;
        }

        var write = found;
        var read = found;
        while (read < length)
        {
            if (buffer[read] == from[0] && read + from.Length <= length && buffer.Slice(read, from.Length).SequenceEqual(from))
            {
                to.CopyTo(buffer[write..]);
                write += to.Length;
                read += from.Length;
            }
            else
            {
                buffer[write++] = buffer[read++];
            }
        }

        return write;
    }
}
