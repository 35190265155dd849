using Vigie.Core;

namespace Vigie.Simulation.Trace;

/// <summary>
/// Reads a trace line by line. Each line is checked (<see cref="TraceLineParser"/>); a malformed one is an error
/// naming its line number, and so is a line earlier than the one before it (a trace is sorted by time).
/// </summary>
public sealed class TraceReader(Stream input)
{
    private readonly ByteLines _lines = new(input);
    private DateTimeOffset _previous = DateTimeOffset.MinValue;

    /// <summary>The number of the line last read (from 1).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line, null at the end of the trace.</summary>
    public ParseResult<TraceEvent>? Next()
    {
        if (!_lines.TryRead(out var line))
        {
            return null;
        }

        LineNumber++;
        var parsed = TraceLineParser.Parse(line);
        if (!parsed.Success)
        {
            return ParseResult<TraceEvent>.Fail($"line {LineNumber}: {parsed.Error}");
        }

        if (parsed.Value.Access.Time < _previous)
        {
            return ParseResult<TraceEvent>.Fail($"line {LineNumber}: 'time' is earlier than the line before (a trace is sorted by time)");
        }

        _previous = parsed.Value.Access.Time;
        return parsed;
    }
}
