using System.Text;
using System.Text.Json;

namespace Vigie.Notices;

/// <summary>
/// The demo SMS provider: appends one JSON line per message to a file (owner-only), flushed to disk before it
/// answers. Like a real provider it honours the idempotency key: a key already in the file gets the first receipt
/// back and no second line.
/// </summary>
internal sealed class FileSmsSender(string path, TimeProvider clock) : ISmsSender, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HashSet<string>? _keys;
    private FileStream? _file;

    /// <summary>One line of the file.</summary>
    public sealed record Line(string Id, string Key, string To, string Text, DateTimeOffset At);

    public async Task<string> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _keys ??= await LoadKeysAsync(ct).ConfigureAwait(false);
            var id = "sms-" + message.IdempotencyKey;
            if (!_keys.Add(message.IdempotencyKey))
            {
                return id;
            }

            _file ??= Open();
            var json = JsonSerializer.Serialize(new Line(id, message.IdempotencyKey, message.To, message.Text, clock.GetUtcNow()), NoticeInputFiles.Json);
            await _file.WriteAsync(Encoding.UTF8.GetBytes(json + "\n"), ct).ConfigureAwait(false);
            _file.Flush(flushToDisk: true);
            return id;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every line of an SMS file (for tests and the demo).</summary>
    public static IReadOnlyList<Line> ReadAll(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Line>(l, NoticeInputFiles.Json)!)] : [];

    public void Dispose()
    {
        _file?.Dispose();
        _gate.Dispose();
    }

    private async Task<HashSet<string>> LoadKeysAsync(CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return keys;
        }

        foreach (var line in await File.ReadAllLinesAsync(path, ct).ConfigureAwait(false))
        {
            // A line cut short by a crash is ignored: its message was not acknowledged, so it will be sent again.
            try
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<Line>(line, NoticeInputFiles.Json) is { } parsed)
                {
                    keys.Add(parsed.Key);
                }
            }
            catch (JsonException)
            {
            }
        }

        return keys;
    }

    private FileStream Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows() && !File.Exists(path))
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = new FileStream(path, options);
        if (file.Length > 0 && LastByte(path) != (byte)'\n')
        {
            file.Write("\n"u8); // A line cut short by a crash: start a fresh one.
        }

        return file;
    }

    private static int LastByte(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte();
    }
}
