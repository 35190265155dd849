using System.Text;
using Vigie.Core.Identity;

namespace Vigie.Core.Journal;

/// <summary>
/// The canonical byte form of a <see cref="JournalEntry"/>: the bytes that are hashed into the Merkle log and
/// stored as evidence. Encoding is deterministic (one entry, one byte string, on every machine and version) and
/// decoding is strict (it refuses every byte string the encoder would not produce), so the bytes are canonical.
/// </summary>
/// <remarks>
/// <para>Format version 1, all integers big-endian:</para>
/// <list type="number">
/// <item>1 byte: format version, 0x01.</item>
/// <item>8 bytes: time, signed 64-bit count of 100 ns ticks since 0001-01-01T00:00:00Z (UTC; the offset is not kept).</item>
/// <item>1 byte each: action (<see cref="JournalAction"/>), outcome (<see cref="JournalOutcome"/>), disclosed categories
/// (<see cref="DisclosedData"/> bits).</item>
/// <item>Ten text fields in this order: professional id, establishment, role, session, client IP, user agent,
/// request id, patient id, query, purpose. Each is an unsigned LEB128 varint n in its shortest form, then, when
/// n &gt; 0, n − 1 bytes of UTF-8. n = 0 means absent (null), n = 1 the empty string.</item>
/// <item>Nothing after the last field.</item>
/// </list>
/// <para>A length-prefixed binary form rather than canonical JSON: it needs no escaping or number rules, encodes with
/// no allocation besides the output, and a strict reader fits in a page. Lone UTF-16 surrogates in a string are
/// written as U+FFFD, so such a string decodes to its replaced form while its bytes stay canonical. A later format
/// takes a new version byte; version 1 bytes keep their meaning forever.</para>
/// </remarks>
public static class JournalEntryEncoding
{
    /// <summary>The format version this code writes.</summary>
    public const byte Version = 1;

    // Version, time, action, outcome, disclosed.
    private const int FixedLength = 1 + 8 + 1 + 1 + 1;

    internal const int TextFieldCount = 10;
    internal const int ProfessionalField = 0;
    internal const int PatientField = 7;

    /// <summary>The length of the encoded entry.</summary>
    public static int GetByteCount(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var length = FixedLength;
        for (var i = 0; i < TextFieldCount; i++)
        {
            length += EntryWriter.TextByteCount(Text(entry, i));
        }

        return length;
    }

    /// <summary>Encodes into a new array.</summary>
    public static byte[] Encode(JournalEntry entry)
    {
        var bytes = new byte[GetByteCount(entry)];
        Write(entry, bytes);
        return bytes;
    }

    /// <summary>Encodes into <paramref name="destination"/>, which holds at least <see cref="GetByteCount"/> bytes; returns the bytes written.</summary>
    public static int Encode(JournalEntry entry, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var needed = GetByteCount(entry);
        if (destination.Length < needed)
        {
            throw new ArgumentException($"the entry needs {needed} bytes", nameof(destination));
        }

        return Write(entry, destination);
    }

    private static int Write(JournalEntry entry, Span<byte> destination)
    {
        var writer = new EntryWriter(destination);
        writer.WriteByte(Version);
        writer.WriteInt64(entry.Time.UtcTicks);
        writer.WriteByte(Code((int)entry.Action, nameof(entry.Action)));
        writer.WriteByte(Code((int)entry.Outcome, nameof(entry.Outcome)));
        writer.WriteByte(Code((int)entry.Disclosed, nameof(entry.Disclosed)));
        for (var i = 0; i < TextFieldCount; i++)
        {
            writer.WriteText(Text(entry, i));
        }

        return writer.Written;
    }

    /// <summary>Decodes an entry; refuses anything the encoder would not have written (wrong version, truncation, trailing bytes, invalid UTF-8).</summary>
    public static ParseResult<JournalEntry> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new EntryReader(bytes);
        if (!ReadFixed(ref reader, out var ticks, out var action, out var outcome, out var disclosed, out var error))
        {
            return ParseResult<JournalEntry>.Fail(error);
        }

        var texts = new string?[TextFieldCount];
        for (var i = 0; i < TextFieldCount; i++)
        {
            if (!reader.TryReadText(out var utf8, out var present))
            {
                return ParseResult<JournalEntry>.Fail($"text field {i} is truncated or not UTF-8");
            }

            texts[i] = present ? Encoding.UTF8.GetString(utf8) : null;
        }

        if (!reader.AtEnd)
        {
            return ParseResult<JournalEntry>.Fail("bytes follow the last field");
        }

        return ParseResult<JournalEntry>.Ok(new JournalEntry(
            new DateTimeOffset(ticks, TimeSpan.Zero),
            new JournalActor(texts[0], texts[1], texts[2]),
            new JournalRequest(texts[3], texts[4], texts[5], texts[6]),
            (JournalAction)action,
            texts[7] is { } patient ? new PatientId(patient) : null,
            (DisclosedData)disclosed,
            texts[8],
            texts[9],
            (JournalOutcome)outcome));
    }

    /// <summary>True when <see cref="Decode"/> would accept the bytes; allocates nothing (the verifier calls it for every entry).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> bytes)
    {
        var reader = new EntryReader(bytes);
        if (!ReadFixed(ref reader, out _, out _, out _, out _, out _))
        {
            return false;
        }

        for (var i = 0; i < TextFieldCount; i++)
        {
            if (!reader.TryReadText(out _, out _))
            {
                return false;
            }
        }

        return reader.AtEnd;
    }

    /// <summary>Reads the fields the index copies, in one pass, without decoding text; false when malformed.</summary>
    internal static bool TryReadIndexFields(
        ReadOnlySpan<byte> bytes, out long ticks, out byte action, out ReadOnlySpan<byte> professional, out bool hasProfessional,
        out ReadOnlySpan<byte> patient, out bool hasPatient)
    {
        professional = patient = default;
        hasProfessional = hasPatient = false;
        var reader = new EntryReader(bytes);
        if (!ReadFixed(ref reader, out ticks, out action, out _, out _, out _))
        {
            return false;
        }

        for (var i = 0; i <= PatientField; i++)
        {
            if (!reader.TryReadText(out var utf8, out var present))
            {
                return false;
            }

            if (i == ProfessionalField)
            {
                professional = utf8;
                hasProfessional = present;
            }
            else if (i == PatientField)
            {
                patient = utf8;
                hasPatient = present;
            }
        }

        return true;
    }

    private static bool ReadFixed(ref EntryReader reader, out long ticks, out byte action, out byte outcome, out byte disclosed, out string error)
    {
        ticks = 0;
        action = outcome = disclosed = 0;
        error = "";
        if (!reader.TryReadByte(out var version) || version != Version)
        {
            error = "unknown format version";
            return false;
        }

        if (!reader.TryReadInt64(out ticks) || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            error = "the time is truncated or out of range";
            return false;
        }

        if (!reader.TryReadByte(out action) || !reader.TryReadByte(out outcome) || !reader.TryReadByte(out disclosed))
        {
            error = "the entry is truncated";
            return false;
        }

        return true;
    }

    private static byte Code(int value, string name) =>
        value is >= 0 and <= byte.MaxValue ? (byte)value : throw new ArgumentOutOfRangeException(name, value, "codes are 0 to 255");

    // The order of the text fields is part of the format.
    private static string? Text(JournalEntry entry, int field) => field switch
    {
        0 => entry.Actor.ProfessionalId,
        1 => entry.Actor.Establishment,
        2 => entry.Actor.Role,
        3 => entry.Request.Session,
        4 => entry.Request.ClientIp,
        5 => entry.Request.UserAgent,
        6 => entry.Request.RequestId,
        7 => entry.Patient?.Value,
        8 => entry.Query,
        _ => entry.Purpose,
    };
}
