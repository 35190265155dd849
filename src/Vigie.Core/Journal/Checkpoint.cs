using System.Globalization;
using System.Text;

namespace Vigie.Core.Journal;

/// <summary>
/// A tree head: the journal had <see cref="TreeSize"/> entries with root <see cref="Root"/> at <see cref="Time"/>.
/// Its text is the body of a C2SP checkpoint (origin, size, base64 root) plus one extension line for the time,
/// and a second one on the checkpoint left at a retention boundary:
/// <code>
/// vigie.example/journal
/// 20852163
/// CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
/// time 2026-03-02T08:15:03.1234567Z
/// retention-boundary
/// </code>
/// </summary>
/// <param name="Origin">The log's name, also the signing key's name (a schema-less URL, no spaces or '+').</param>
/// <param name="TreeSize">The number of entries covered.</param>
/// <param name="Root">The Merkle root at that size.</param>
/// <param name="Time">When the checkpoint was made, kept to the tick (UTC).</param>
/// <param name="RetentionBoundary">True on the checkpoint written when entries before <see cref="TreeSize"/> were pruned.</param>
public sealed record Checkpoint(string Origin, long TreeSize, MerkleHash Root, DateTimeOffset Time, bool RetentionBoundary = false)
{
    private const string TimePrefix = "time ";
    private const string BoundaryLine = "retention-boundary";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The note text a signature covers, ending in a newline.</summary>
    public string ToNoteText()
    {
        if (!IsValidOrigin(Origin))
        {
            throw new InvalidOperationException("an origin is non-empty printable text without spaces or '+'");
        }

        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Root.ToBase64()).Append('\n')
            .Append(TimePrefix).Append(Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)).Append('\n');
        if (RetentionBoundary)
        {
            text.Append(BoundaryLine).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Parses note text written by <see cref="ToNoteText"/>; refuses every other shape.</summary>
    public static ParseResult<Checkpoint> ParseNoteText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            return ParseResult<Checkpoint>.Fail("checkpoint text ends with a newline");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length is < 4 or > 5)
        {
            return ParseResult<Checkpoint>.Fail("a checkpoint has an origin, a size, a root and a time line");
        }

        if (!IsValidOrigin(lines[0]))
        {
            return ParseResult<Checkpoint>.Fail("the origin line is not a valid log name");
        }

        // Decimal without sign or leading zeros: one size, one spelling.
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !string.Equals(size.ToString(CultureInfo.InvariantCulture), lines[1], StringComparison.Ordinal))
        {
            return ParseResult<Checkpoint>.Fail("the size line is not a canonical decimal number");
        }

        var root = MerkleHash.ParseBase64(lines[2]);
        if (!root.Success)
        {
            return ParseResult<Checkpoint>.Fail("the root line is not a base64 SHA-256 hash");
        }

        if (!lines[3].StartsWith(TimePrefix, StringComparison.Ordinal)
            || !DateTime.TryParseExact(lines[3][TimePrefix.Length..], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return ParseResult<Checkpoint>.Fail("the time line is not 'time yyyy-MM-ddTHH:mm:ss.fffffffZ'");
        }

        if (lines.Length == 5 && !string.Equals(lines[4], BoundaryLine, StringComparison.Ordinal))
        {
            return ParseResult<Checkpoint>.Fail("unknown extension line");
        }

        return ParseResult<Checkpoint>.Ok(new Checkpoint(lines[0], size, root.Value, new DateTimeOffset(time, TimeSpan.Zero), lines.Length == 5));
    }

    /// <summary>C2SP key names and origins: non-empty, no spaces, no '+', no control characters.</summary>
    public static bool IsValidOrigin(string? origin) =>
        !string.IsNullOrEmpty(origin) && origin.Length <= 256
        && !origin.Any(c => c == '+' || char.IsWhiteSpace(c) || char.IsControl(c));
}
