using System.Data.Common;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Reads one page of journal rows for verification: the rows after a sequence number, in sequence order. The
/// default reads through ADO.NET; a provider may register a faster one (<see cref="JournalReadExtension"/>).
/// Whatever the reader, every column reaches the verifier as stored: a reader only decides how bytes are copied.
/// </summary>
public abstract class EntryPageReader
{
    /// <summary>Fills <paramref name="page"/> with the rows of one page (the LIMIT in <see cref="EntryColumns.PageSql"/>) after <paramref name="after"/>.</summary>
    public abstract Task ReadAsync(DbConnection connection, DbTransaction? transaction, EntryColumns columns, long after, EntryPage page, CancellationToken ct);

    /// <summary>The portable reader: a data reader, bytes copied with GetBytes into the page (no array per column).</summary>
    public static EntryPageReader Portable { get; } = new AdoEntryPageReader();

    private sealed class AdoEntryPageReader : EntryPageReader
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The SQL is built from the EF model's table and column names only; the one value is a parameter.")]
        public override async Task ReadAsync(DbConnection connection, DbTransaction? transaction, EntryColumns columns, long after, EntryPage page, CancellationToken ct)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText = columns.PageSql;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "after";
                parameter.Value = after;
                command.Parameters.Add(parameter);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var buffer = new byte[256];
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        var sequence = reader.GetInt64(0);
                        var entryLength = Bytes(reader, 1, ref buffer, 0);
                        var leafLength = Bytes(reader, 2, ref buffer, entryLength);
                        var sealLength = Bytes(reader, 3, ref buffer, entryLength + leafLength);
                        var index = new JournalEntryIndex(
                            columns.Time(reader, 4),
                            (JournalAction)reader.GetInt32(5),
                            reader.IsDBNull(6) ? null : reader.GetString(6),
                            reader.IsDBNull(7) ? null : reader.GetString(7));
                        page.Add(sequence, buffer.AsSpan(0, entryLength), buffer.AsSpan(entryLength, leafLength),
                            buffer.AsSpan(entryLength + leafLength, sealLength), index);
                    }
                }
            }
        }

        // Copies a column's bytes into buffer at offset (growing it); returns their length.
        private static int Bytes(DbDataReader reader, int ordinal, ref byte[] buffer, int offset)
        {
            var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
            if (buffer.Length < offset + length)
            {
                Array.Resize(ref buffer, (offset + length) * 2);
            }

            var read = 0;
            while (read < length)
            {
                read += checked((int)reader.GetBytes(ordinal, read, buffer, offset + read, length - read));
            }

            return length;
        }
    }
}
