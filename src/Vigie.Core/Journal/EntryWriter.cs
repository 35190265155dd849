using System.Buffers.Binary;
using System.Text;

namespace Vigie.Core.Journal;

/// <summary>Writes the fields of an entry in order into a span sized by <see cref="JournalEntryEncoding.GetByteCount"/>.</summary>
internal ref struct EntryWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private int _position;

    public readonly int Written => _position;

    public static int TextByteCount(string? text)
    {
        if (text is null)
        {
            return 1;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        return VarintLength((uint)length + 1) + length;
    }

    public void WriteByte(byte value) => _destination[_position++] = value;

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_destination.Slice(_position, 8), value);
        _position += 8;
    }

    public void WriteText(string? text)
    {
        if (text is null)
        {
            WriteByte(0);
            return;
        }

        // Encoding.UTF8 replaces a lone surrogate with U+FFFD, the same way in GetByteCount and GetBytes, so the
        // bytes stay deterministic for any .NET string; decoding gives back the replaced text.
        var length = Encoding.UTF8.GetByteCount(text);
        WriteVarint((uint)length + 1);
        _position += Encoding.UTF8.GetBytes(text, _destination[_position..]);
    }

    private void WriteVarint(uint value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    private static int VarintLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }
}
