using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Benchmarks.Scenarios.Incidents;

/// <summary>
/// Loads a synthetic journal into PostgreSQL at COPY speed, and leaves it exactly as the appender would have: every
/// row with its canonical bytes, leaf hash and seal, the stored subtree nodes, the frontier in the state row and
/// one signed checkpoint over everything, so proofs and verification work on it. The secondary indexes are
/// dropped during the load and rebuilt after (one sort each instead of 50 million random insertions).
/// Generation and hashing run on one side of a channel, COPY on the other.
/// </summary>
internal static class JournalBulkLoad
{
    private const int Chunk = 65_536;

    /// <summary>What the journal holds for one account: distinct patients disclosed, and disclosure entries.</summary>
    public sealed class Truth
    {
        public HashSet<string> Patients { get; } = new(StringComparer.Ordinal);
        public long Records { get; set; }
    }

    public sealed record Result(double GenerateAndCopySeconds, double IndexSeconds, long Bytes, IReadOnlyDictionary<string, Truth> Truths);

    private sealed record Batch(long First, JournalEntry[] Entries, byte[][] Bytes, MerkleHash[] Leaves, byte[] Seals);

    public static async Task<Result> LoadAsync(string connectionString, SyntheticJournal journal, JournalSigningKey key, IReadOnlyList<string> tally, Action<string> log, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var indexes = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'journal_entries' AND indexname NOT LIKE 'PK_%'", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                indexes.Add(reader.GetString(1));
                log("  dropping " + reader.GetString(0) + " for the load");
            }
        }

        foreach (var definition in indexes)
        {
            var name = definition.Split(' ')[2];
            await Execute(connection, "DROP INDEX " + name, ct);
        }

        var truths = tally.ToDictionary(a => a, _ => new Truth(), StringComparer.Ordinal);
        var channel = Channel.CreateBounded<Batch>(3);
        var frontier = MerkleFrontier.Empty;
        var nodes = new List<(int Level, long Index, byte[] Hash)>();
        var watch = Stopwatch.StartNew();
        var producer = Task.Run(async () =>
        {
            for (long first = 0; first < journal.Size; first += Chunk)
            {
                var count = (int)Math.Min(Chunk, journal.Size - first);
                var entries = new JournalEntry[count];
                var bytes = new byte[count][];
                Parallel.For(0, count, i =>
                {
                    entries[i] = journal.Entry(first + i);
                    bytes[i] = JournalEntryEncoding.Encode(entries[i]);
                });
                var leaves = MerkleTree.HashLeaves(bytes);
                var seals = EntrySeal.ComputeMany(key.SealKey.Span, first, leaves);
                frontier = frontier.Append(leaves, JournalNodeRow.MinLevel, (id, hash) => nodes.Add((id.Level, id.Index, hash.ToArray())));
                foreach (var entry in entries)
                {
                    if (entry.Actor.ProfessionalId is { } actor && truths.TryGetValue(actor, out var truth) && Disclosures.IsDisclosure(entry))
                    {
                        truth.Patients.Add(entry.Patient!.Value.Value);
                        truth.Records++;
                    }
                }

                await channel.Writer.WriteAsync(new Batch(first, entries, bytes, leaves, seals), ct);
            }

            channel.Writer.Complete();
        }, ct);

        long written = 0, totalBytes = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journal_entries (\"Sequence\", \"Time\", \"Action\", \"ProfessionalId\", \"PatientId\", \"Entry\", \"LeafHash\", \"Seal\") FROM STDIN (FORMAT BINARY)", ct))
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                for (var i = 0; i < batch.Entries.Length; i++)
                {
                    var index = JournalEntryIndex.For(batch.Entries[i]);
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(batch.First + i, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(index.Time.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync((int)index.Action, NpgsqlDbType.Integer, ct);
                    await WriteText(copy, index.ProfessionalId, ct);
                    await WriteText(copy, index.PatientId, ct);
                    await copy.WriteAsync(batch.Bytes[i], NpgsqlDbType.Bytea, ct);
                    await copy.WriteAsync(batch.Leaves[i].ToArray(), NpgsqlDbType.Bytea, ct);
                    await copy.WriteAsync(batch.Seals.AsMemory(i * EntrySeal.Length, EntrySeal.Length).ToArray(), NpgsqlDbType.Bytea, ct);
                    totalBytes += batch.Bytes[i].Length;
                }

                written += batch.Entries.Length;
                if (written % (Chunk * 32) < Chunk)
                {
                    log($"  {written:N0} rows, {written / watch.Elapsed.TotalSeconds:N0}/s");
                }
            }

            await copy.CompleteAsync(ct);
        }

        await producer;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY journal_nodes (\"Level\", \"NodeIndex\", \"Hash\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (level, index, hash) in nodes)
            {
                await copy.WriteRowAsync(ct, level, index, hash);
            }

            await copy.CompleteAsync(ct);
        }

        var loadSeconds = watch.Elapsed.TotalSeconds;
        log($"  copied {written:N0} rows and {nodes.Count:N0} nodes in {loadSeconds:F0} s");

        var signed = key.Sign(new Checkpoint(key.Origin, frontier.Size, frontier.Root(), SyntheticJournal.Start + SyntheticJournal.Span));
        await using (var command = new NpgsqlCommand(
            "UPDATE journal_state SET \"TreeSize\" = @size, \"Frontier\" = @frontier, \"VerifierKey\" = @key, \"LastCheckpointSize\" = @size, \"LastCheckpointAt\" = @at WHERE \"Id\" = 1;" +
            "INSERT INTO journal_checkpoints (\"TreeSize\", \"Time\", \"RootHash\", \"Note\") VALUES (@size, @at, @root, @note)", connection))
        {
            command.Parameters.AddWithValue("size", frontier.Size);
            command.Parameters.AddWithValue("frontier", frontier.ToBytes());
            command.Parameters.AddWithValue("key", key.PublicKey.ToVerifierKey());
            command.Parameters.AddWithValue("at", signed.Checkpoint.Time.UtcDateTime);
            command.Parameters.AddWithValue("root", signed.Checkpoint.Root.ToArray());
            command.Parameters.AddWithValue("note", signed.Note);
            await command.ExecuteNonQueryAsync(ct);
        }

        var indexWatch = Stopwatch.StartNew();
        await Execute(connection, "SET maintenance_work_mem = '1GB'", ct);
        foreach (var definition in indexes)
        {
            log("  " + definition);
            await Execute(connection, definition, ct);
        }

        await Execute(connection, "VACUUM ANALYZE journal_entries", ct);
        await Execute(connection, "VACUUM ANALYZE journal_nodes", ct);
        log($"  indexes rebuilt and analysed in {indexWatch.Elapsed.TotalSeconds:F0} s");
        return new Result(loadSeconds, indexWatch.Elapsed.TotalSeconds, totalBytes, truths);
    }

    private static Task WriteText(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
#pragma warning disable CA2100 // Index definitions read back from pg_indexes and fixed statements: no outside input.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
