using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Postgres.Journal;

/// <summary>
/// Reads journal pages as one binary COPY per page, parsed straight into the page. Through a data reader every
/// column costs several calls (GetBytes twice, a type check, the field's seek), about half the client's time at a
/// million rows a second; here a row is a dozen big-endian reads in one buffer (docs/benchmarks.md,
/// journal-storage-postgres). Same SELECT as the portable reader, inside COPY, on the same connection and
/// transaction, so the same snapshot; values are decoded as Npgsql decodes them.
/// </summary>
internal sealed class NpgsqlEntryPageReader : EntryPageReader
{
    public static readonly NpgsqlEntryPageReader Instance = new();

    private const int Columns = 8;

    // COPY's binary signature, flags and header extension length (PostgreSQL docs, "Binary Format").
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    // PostgreSQL timestamps count microseconds from 2000-01-01 UTC; infinity is long.MaxValue/MinValue.
    private const long EpochTicks = 630_822_816_000_000_000;
    private const long MinMicroseconds = -EpochTicks / 10;
    private const long MaxMicroseconds = (3_155_378_975_999_999_999 - EpochTicks) / 10; // DateTime.MaxValue.Ticks

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The SQL is built from the EF model's names and a formatted long.")]
    public override async Task ReadAsync(DbConnection connection, DbTransaction? transaction, EntryColumns columns, long after, long until, EntryPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(page);
        if (connection is not NpgsqlConnection npgsql || columns.TimeIsInt64)
        {
            await Portable.ReadAsync(connection, transaction, columns, after, until, page, ct).ConfigureAwait(false);
            return;
        }

        // COPY takes no parameters: the values are longs, formatted invariant and cast, so the index on the
        // sequence still serves the range (a bare negative literal would be numeric).
        var select = columns.PageSql
            .Replace("@after", Bigint(after), StringComparison.Ordinal)
            .Replace("@until", Bigint(until), StringComparison.Ordinal);
        var copy = await npgsql.BeginRawBinaryCopyAsync($"COPY ({select}) TO STDOUT (FORMAT binary)", ct).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            var rows = new CopyRows(page);
            var buffer = new byte[256 * 1024];
            int start = 0, end = 0;
            var header = true;
            while (true)
            {
                var read = await copy.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidDataException("journal COPY ended before its trailer");
                }

                end += read;
                if (header)
                {
                    var length = CopyRows.HeaderLength(buffer.AsSpan(0, end));
                    if (length < 0)
                    {
                        continue;
                    }

                    (start, header) = (length, false);
                }

                var (consumed, done) = rows.Parse(buffer.AsSpan(start, end - start));
                start += consumed;
                if (done)
                {
                    // The stream must still be read to its end for the COPY to complete on the connection.
                    while (await copy.ReadAsync(buffer, ct).ConfigureAwait(false) > 0)
                    {
                    }

                    return;
                }

                // Keep the partial row: move it to the front, or grow the buffer when one row fills it.
                if (start == 0 && end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                else if (end > buffer.Length / 2)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (start, end) = (0, end - start);
                }
            }
        }
    }

    /// <summary>
    /// Exports the snapshot of <paramref name="transaction"/> (pg_export_snapshot) and imports it into a new
    /// REPEATABLE READ transaction on a clone of the connection (SET TRANSACTION SNAPSHOT, its first statement):
    /// both transactions then see exactly the same rows (PostgreSQL docs, "Snapshot Synchronization Functions").
    /// The export stays valid while the first transaction is open, which outlives the second.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The snapshot id comes from the server and is checked to be hex digits and dashes.")]
    public override async Task<SnapshotConnection?> ShareSnapshotAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        if (connection is not NpgsqlConnection npgsql || transaction is not NpgsqlTransaction { IsolationLevel: IsolationLevel.RepeatableRead } first)
        {
            return null;
        }

        string snapshot;
        var export = new NpgsqlCommand("SELECT pg_export_snapshot()", npgsql, first);
        await using (export.ConfigureAwait(false))
        {
            snapshot = (string?)await export.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? throw new InvalidDataException("pg_export_snapshot returned null");
        }

        if (!snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw new InvalidDataException("unexpected snapshot id from pg_export_snapshot");
        }

        // A clone keeps the password, which the connection string of an open connection no longer shows.
        var second = (NpgsqlConnection)((ICloneable)npgsql).Clone();
        try
        {
            await second.OpenAsync(ct).ConfigureAwait(false);
            var shared = await second.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            var import = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot}'", second, shared);
            await using (import.ConfigureAwait(false))
            {
                await import.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return new SnapshotConnection(second, shared);
        }
        catch
        {
            await second.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string Bigint(long value) => $"CAST('{value.ToString(CultureInfo.InvariantCulture)}' AS bigint)";

    /// <summary>The rows of a binary COPY, each appended to the page as soon as it is whole.</summary>
    private sealed class CopyRows(EntryPage page)
    {
        private readonly RepeatedText _professional = new();

        // The header's length, or -1 until it is all in the buffer.
        public static int HeaderLength(ReadOnlySpan<byte> data)
        {
            if (data.Length < Signature.Length + 8)
            {
                return -1;
            }

            if (!data[..Signature.Length].SequenceEqual(Signature))
            {
                throw new InvalidDataException("journal COPY does not start with the binary signature");
            }

            var length = Signature.Length + 8 + BinaryPrimitives.ReadInt32BigEndian(data[(Signature.Length + 4)..]);
            return data.Length < length ? -1 : length;
        }

        // Adds the whole rows at the start of data; returns the bytes consumed, and true once the trailer is read.
        public (int Consumed, bool Done) Parse(ReadOnlySpan<byte> data)
        {
            var at = 0;
            Span<int> starts = stackalloc int[Columns];
            Span<int> lengths = stackalloc int[Columns];
            while (data.Length - at >= 2)
            {
                var fields = BinaryPrimitives.ReadInt16BigEndian(data[at..]);
                if (fields == -1)
                {
                    return (at + 2, true);
                }

                if (fields != Columns)
                {
                    throw new InvalidDataException($"journal COPY row has {fields} columns, not {Columns}");
                }

                var offset = at + 2;
                var whole = true;
                for (var f = 0; f < Columns && whole; f++)
                {
                    if (data.Length - offset < 4)
                    {
                        whole = false;
                        break;
                    }

                    lengths[f] = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
                    starts[f] = offset + 4;
                    offset = starts[f] + Math.Max(lengths[f], 0);
                    whole = offset <= data.Length;
                }

                if (!whole)
                {
                    break;
                }

                Add(data, starts, lengths);
                at = offset;
            }

            return (at, false);
        }

        private void Add(ReadOnlySpan<byte> data, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
        {
            var index = new JournalEntryIndex(
                Time(BinaryPrimitives.ReadInt64BigEndian(Column(data, starts, lengths, 4, sizeof(long)))),
                (JournalAction)BinaryPrimitives.ReadInt32BigEndian(Column(data, starts, lengths, 5, sizeof(int))),
                lengths[6] < 0 ? null : _professional.Of(data.Slice(starts[6], lengths[6])),
                lengths[7] < 0 ? null : Encoding.UTF8.GetString(data.Slice(starts[7], lengths[7])));
            page.Add(
                BinaryPrimitives.ReadInt64BigEndian(Column(data, starts, lengths, 0, sizeof(long))),
                Column(data, starts, lengths, 1), Column(data, starts, lengths, 2), Column(data, starts, lengths, 3), index);
        }

        // A NOT NULL column's bytes, of the type's size when it has one: anything else is not this table.
        private static ReadOnlySpan<byte> Column(ReadOnlySpan<byte> data, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int f, int size = -1) =>
            lengths[f] < 0 || (size >= 0 && lengths[f] != size)
                ? throw new InvalidDataException($"journal COPY column {f} is null or not of its type")
                : data.Slice(starts[f], lengths[f]);

        // As Npgsql reads a timestamptz into a DateTimeOffset: UTC, infinities as the extremes. A value no
        // DateTimeOffset can hold (a tampered row) gives MinValue, as EntryColumns.Time does: an index fault, not a crash.
        private static DateTimeOffset Time(long microseconds) => microseconds switch
        {
            long.MaxValue => DateTimeOffset.MaxValue,
            long.MinValue => DateTimeOffset.MinValue,
            < MinMicroseconds or > MaxMicroseconds => DateTimeOffset.MinValue,
            _ => new DateTimeOffset(EpochTicks + (microseconds * 10), TimeSpan.Zero),
        };
    }

    // A request's entries share their professional, so consecutive rows mostly repeat it: the previous string is
    // reused when the bytes are the same, one allocation a row fewer.
    private sealed class RepeatedText
    {
        private byte[] _bytes = [];
        private string? _text;

        public string Of(ReadOnlySpan<byte> bytes)
        {
            if (_text is null || !bytes.SequenceEqual(_bytes))
            {
                _bytes = bytes.ToArray();
                _text = Encoding.UTF8.GetString(bytes);
            }

            return _text;
        }
    }
}
