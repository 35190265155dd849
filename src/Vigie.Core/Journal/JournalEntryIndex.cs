using System.Text;

namespace Vigie.Core.Journal;

/// <summary>
/// The columns storage keeps beside each entry's bytes so that "who saw this patient, when" is an indexed query.
/// They are copies, so the verifier checks them against the bytes: hiding an entry from a query by editing a
/// column is tampering too. Values longer than <see cref="MaxLength"/> are not indexed (null): only malformed
/// input is that long, and the journal must still accept it.
/// </summary>
/// <param name="Time">The entry's time. Storage may keep less precision (SQLite keeps 0.1 ms), so it is compared to the millisecond.</param>
/// <param name="Action">The action.</param>
/// <param name="ProfessionalId">The professional id, or null.</param>
/// <param name="PatientId">The patient id, or null.</param>
public readonly record struct JournalEntryIndex(DateTimeOffset Time, JournalAction Action, string? ProfessionalId, string? PatientId)
{
    /// <summary>The longest indexed value, in characters.</summary>
    public const int MaxLength = 64;

    private const long TicksPerComparedUnit = TimeSpan.TicksPerMillisecond;

    /// <summary>The index columns of an entry.</summary>
    public static JournalEntryIndex For(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Time.ToUniversalTime(), entry.Action, Indexed(entry.Actor.ProfessionalId), Indexed(entry.Patient?.Value));
    }

    /// <summary>True when these columns are the index of the encoded entry (false for malformed bytes).</summary>
    public bool Matches(ReadOnlySpan<byte> encoded) =>
        JournalEntryEncoding.TryReadIndexFields(encoded, out var ticks, out var action, out var professional, out var hasProfessional, out var patient, out var hasPatient)
        && ticks / TicksPerComparedUnit == Time.UtcTicks / TicksPerComparedUnit
        && action == (int)Action
        && SameText(ProfessionalId, professional, hasProfessional)
        && SameText(PatientId, patient, hasPatient);

    // The column must hold what the bytes decode to: a lone surrogate is written as U+FFFD (see the encoding).
    private static string? Indexed(string? value) => value switch
    {
        null or { Length: > MaxLength } => null,
        _ when value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)),
        _ => value,
    };

    private static bool SameText(string? column, ReadOnlySpan<byte> utf8, bool present)
    {
        if (!present)
        {
            return column is null;
        }

        // A UTF-16 code unit takes at most 3 UTF-8 bytes, so more bytes than this is more than MaxLength characters.
        if (utf8.Length > MaxLength * 3)
        {
            return column is null;
        }

        // Ids are ASCII in practice: compare without decoding (vectorised), and decode only otherwise.
        if (column is not null && Ascii.Equals(utf8, column))
        {
            return true;
        }

        Span<char> chars = stackalloc char[MaxLength * 3];
        var value = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        return value.Length > MaxLength ? column is null : column is not null && value.SequenceEqual(column);
    }
}
