using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// A copy of a SQLite registry taken part-way through registration, so that the costly end of a million-identity
/// run (the last 100,000 into a 900,000 register) can be timed again after a change without registering the first
/// 900,000 each time. `--snapshot-at N --snapshot-dir DIR` saves it; `--resume-from DIR` copies it into a fresh data
/// directory and registers the rest of the same generated records (same seed and count).
/// </summary>
internal sealed record RegistrySnapshot(int At, string Directory)
{
    private const string Marker = "registered.txt";

    public async Task SaveAsync(string dataDirectory)
    {
        SqliteConnection.ClearAllPools(); // closes the file, so the WAL is checkpointed into it and the copy is whole
        System.IO.Directory.CreateDirectory(Directory);

        // Only the database file: a WAL left beside it (a connection still open) would be copied whole, and the
        // 900,000 snapshot once found one of 24.9 GB and filled the disk. The database must then be complete alone.
        if (File.Exists(Path.Combine(dataDirectory, Vigie.Storage.Sqlite.SqliteStorage.FileName + "-wal")))
        {
            throw new InvalidOperationException("the WAL is still there after closing every connection: the snapshot would not be whole");
        }

        foreach (var file in System.IO.Directory.GetFiles(dataDirectory))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)), overwrite: true);
        }

        await File.WriteAllTextAsync(Path.Combine(Directory, Marker), At.ToString(CultureInfo.InvariantCulture));
        Console.Error.WriteLine($"snapshot of {At:N0} registrations saved to {Directory}");
    }

    /// <summary>Copies the snapshot into <paramref name="dataDirectory"/>; returns how many records it holds.</summary>
    public static async Task<int> RestoreAsync(string snapshotDirectory, string dataDirectory)
    {
        var at = int.Parse(await File.ReadAllTextAsync(Path.Combine(snapshotDirectory, Marker)), CultureInfo.InvariantCulture);
        System.IO.Directory.CreateDirectory(dataDirectory);
        foreach (var file in System.IO.Directory.GetFiles(snapshotDirectory).Where(f => Path.GetFileName(f) != Marker))
        {
            File.Copy(file, Path.Combine(dataDirectory, Path.GetFileName(file)));
        }

        return at;
    }
}
