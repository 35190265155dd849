using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using static SQLitePCL.raw;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// Reads journal pages through SQLite's own API: each column's bytes are copied straight from SQLite's row
/// buffer into the page. Microsoft.Data.Sqlite copies every blob into a new array first, and those three arrays a
/// row cost more than stepping the rows (docs/benchmarks.md, journal section). Same SQL, same snapshot (the
/// statement runs on the connection inside its read transaction), same values as the portable reader.
/// </summary>
internal sealed class SqliteEntryPageReader : EntryPageReader
{
    public static readonly SqliteEntryPageReader Instance = new();

    public override Task ReadAsync(DbConnection connection, DbTransaction? transaction, EntryColumns columns, long after, EntryPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(page);
        if (connection is not SqliteConnection sqlite || !columns.TimeIsInt64)
        {
            return Portable.ReadAsync(connection, transaction, columns, after, page, ct);
        }

        var db = sqlite.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(db, sqlite3_prepare_v2(db, columns.PageSql, out var statement));
        using (statement)
        {
            Check(db, sqlite3_bind_int64(statement, sqlite3_bind_parameter_index(statement, "@after"), after));
            var professional = new RepeatedText();
            int step;
            while ((step = sqlite3_step(statement)) == SQLITE_ROW)
            {
                ct.ThrowIfCancellationRequested();
                var index = new JournalEntryIndex(
                    columns.TimeFromInt64(sqlite3_column_int64(statement, 4)),
                    (JournalAction)sqlite3_column_int(statement, 5),
                    professional.Of(statement, 6),
                    Text(statement, 7));
                page.Add(sqlite3_column_int64(statement, 0), sqlite3_column_blob(statement, 1), sqlite3_column_blob(statement, 2),
                    sqlite3_column_blob(statement, 3), index);
            }

            if (step != SQLITE_DONE)
            {
                Check(db, step);
            }
        }

        return Task.CompletedTask;
    }

    // As Microsoft.Data.Sqlite's GetString: null for NULL, else the value as UTF-8 text.
    private static string? Text(sqlite3_stmt statement, int column) =>
        sqlite3_column_type(statement, column) == SQLITE_NULL ? null : sqlite3_column_text(statement, column).utf8_to_string();

    // A request's entries share their professional, so consecutive rows mostly repeat it: the previous string is
    // reused when the bytes are the same, one allocation a row fewer.
    private sealed class RepeatedText
    {
        private byte[] _bytes = [];
        private string? _text;

        public string? Of(sqlite3_stmt statement, int column)
        {
            if (sqlite3_column_type(statement, column) == SQLITE_NULL)
            {
                return null;
            }

            var bytes = sqlite3_column_blob(statement, column);
            if (_text is null || !bytes.SequenceEqual(_bytes))
            {
                // Copied before asking for the text: SQLite may convert the value, which frees the blob's buffer.
                _bytes = bytes.ToArray();
                _text = sqlite3_column_text(statement, column).utf8_to_string();
            }

            return _text;
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != SQLITE_OK)
        {
            throw new SqliteException($"journal read failed: {sqlite3_errmsg(db).utf8_to_string()}", rc);
        }
    }
}
