using System.Text;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Appends each checkpoint's signed note to a file, followed by a blank line, flushed to disk before returning.
/// Point it at storage the database administrator cannot rewrite (another host's mount, a WORM volume).
/// <see cref="ReadAll"/> gives the notes back for verification.
/// </summary>
public sealed class FileCheckpointWitness(string path) : ICheckpointWitness
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Path { get; } = path;

    public async Task SubmitAsync(SignedCheckpoint checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var bytes = Encoding.UTF8.GetBytes(checkpoint.Note + "\n");
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var stream = new FileStream(Path, new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read });
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The notes of a witness file in tree-size order, for the verifier. Parsing is lenient and never throws on
    /// content: a note whose size cannot be read is returned with size -1, and the verifier reports it as invalid.
    /// </summary>
    public static IReadOnlyList<StoredCheckpoint> ReadAll(string path)
    {
        var notes = new List<StoredCheckpoint>();
        if (!File.Exists(path))
        {
            return notes;
        }

        // A note: text lines, a blank line, signature lines (starting with an em dash), then the separating blank line.
        var body = new StringBuilder();
        var signatures = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('\u2014'))
            {
                signatures.Append(line).Append('\n');
            }
            else if (line.Length == 0)
            {
                if (signatures.Length > 0)
                {
                    notes.Add(Note(body.ToString(), signatures.ToString()));
                    body.Clear();
                    signatures.Clear();
                }
            }
            else
            {
                if (signatures.Length > 0)
                {
                    notes.Add(Note(body.ToString(), signatures.ToString()));
                    body.Clear();
                    signatures.Clear();
                }

                body.Append(line).Append('\n');
            }
        }

        if (body.Length > 0 || signatures.Length > 0)
        {
            notes.Add(Note(body.ToString(), signatures.ToString()));
        }

        return [.. notes.OrderBy(n => n.TreeSize)];
    }

    private static StoredCheckpoint Note(string body, string signatures)
    {
        var parsed = body.Length > 0 ? Checkpoint.ParseNoteText(body) : Core.ParseResult<Checkpoint>.Fail("empty");
        return new StoredCheckpoint(parsed.Success ? parsed.Value.TreeSize : -1, body + "\n" + signatures);
    }
}
