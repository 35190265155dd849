using System.Buffers.Binary;

namespace Vigie.Core.Journal;

/// <summary>
/// Reads the fields of an encoded entry in order. Every read checks the remaining length first, so truncated or
/// garbage input ends in a false return, never in an exception: the verifier feeds it whatever the database holds.
/// </summary>
internal ref struct EntryReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public bool TryReadByte(out byte value)
    {
        if (_position >= _bytes.Length)
        {
            value = 0;
            return false;
        }

        value = _bytes[_position++];
        return true;
    }

    public bool TryReadInt64(out long value)
    {
        if (_bytes.Length - _position < 8)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadInt64BigEndian(_bytes.Slice(_position, 8));
        _position += 8;
        return true;
    }

    /// <summary>Reads one text field: its UTF-8 bytes, or <paramref name="present"/> false for an absent value.</summary>
    public bool TryReadText(out ReadOnlySpan<byte> utf8, out bool present)
    {
        utf8 = default;
        present = false;
        if (!TryReadVarint(out var prefixed))
        {
            return false;
        }

        if (prefixed == 0)
        {
            return true;
        }

        var length = prefixed - 1;
        if (length > (uint)(_bytes.Length - _position))
        {
            return false;
        }

        utf8 = _bytes.Slice(_position, (int)length);
        _position += (int)length;
        present = true;
        return System.Text.Unicode.Utf8.IsValid(utf8);
    }

    // Unsigned LEB128, at most 5 bytes, minimal form only: a non-minimal form would give two byte strings for
    // the same entry, and the encoding must be canonical.
    private bool TryReadVarint(out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!TryReadByte(out var b))
            {
                return false;
            }

            if (shift == 28 && b > 0x0F)
            {
                return false;
            }

            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return b != 0 || shift == 0;
            }
        }

        return false;
    }
}
