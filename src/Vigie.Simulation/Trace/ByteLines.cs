namespace Vigie.Simulation.Trace;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding it to strings first, so the JSON parser reads the bytes in
/// place. A line is valid until the next call. "\r\n" endings are accepted; a final line without "\n" counts.
/// </summary>
internal sealed class ByteLines(Stream input)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                line = Trim(_buffer.AsSpan(_start, newline - _start));
                _start = newline + 1;
                return true;
            }

            if (_eof)
            {
                line = Trim(_buffer.AsSpan(_start, _end - _start));
                var any = _end > _start;
                _start = _end;
                return any;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        _eof = read == 0;
        _end += read;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
