using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// Sets the pragmas every connection needs: WAL so readers never block the writer, a busy timeout so
/// concurrent writers queue instead of failing, and foreign keys on (SQLite leaves them off by default).
/// synchronous=FULL: an acknowledged write survives power loss, which the journal's fail-closed rule needs.
/// cache_size 128 MiB and mmap up to 2 GiB: SQLite's 2 MiB default cache turns every index insert of a million-identity
/// register into a disk read (random ids and blocking keys land on random B-tree pages); registration fell from
/// ~2,000/s to under 600/s by 150,000 identities with it. The map is SQLite's compile-time ceiling (SQLITE_MAX_MMAP_SIZE,
/// just under 2 GiB), not 1 GiB: a million-identity register is about 1.7 GB, and pages past the map are read with a
/// system call and a copy into the 128 MiB cache, where they evict the dirty pages of the running transaction.
/// wal_autocheckpoint is SQLite's default, set again because
/// the journal writer turns it off on the pooled connection it borrows (see Vigie.Storage.Journal.WalCheckpoints).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-131072; PRAGMA mmap_size=2147418112; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=1000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
