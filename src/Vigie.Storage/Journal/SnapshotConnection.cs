using System.Data.Common;

namespace Vigie.Storage.Journal;

/// <summary>A second connection with a transaction in the verification's snapshot (<see cref="EntryPageReader.ShareSnapshotAsync"/>); disposing rolls back and closes it.</summary>
public sealed class SnapshotConnection(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
