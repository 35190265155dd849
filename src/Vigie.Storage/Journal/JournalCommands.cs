using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vigie.Storage.Journal;

/// <summary>
/// The append's statements as plain ADO.NET commands on one connection, prepared on first use and reused for every
/// later append: the lock (UPDATE ... RETURNING the state), the inserts of entries, tree nodes and a checkpoint, and
/// the state row's update. Table and column names come from the EF model, values are parameters. EF's query
/// pipeline, change tracking and per-call command building cost more per group than the commit itself
/// (docs/benchmarks.md, journal-floor phases), which is why the writer's hot path does not go through it.
/// <list type="bullet">
/// <item>PostgreSQL: the rows of a table go in one statement, <c>INSERT ... SELECT * FROM unnest(@arrays)</c>, and
/// everything after the lock is one batch, so an append is three round trips: lock, batch, commit.</item>
/// <item>SQLite (no round trips): one reused single-row INSERT per row; Microsoft.Data.Sqlite binds parameters by
/// name, so a statement's binding cost grows with the square of its parameter count (see <see cref="MultiRowInsert"/>).</item>
/// </list>
/// Stored values are exactly those EF would store: the time goes through the model's converter (SQLite keeps it as a
/// binary long).
/// </summary>
internal sealed class JournalCommands : IAsyncDisposable
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private readonly DbConnection _connection;
    private readonly Func<DateTimeOffset, long>? _timeToLong;
    private readonly Func<long, DateTimeOffset>? _timeFromLong;
    private readonly Sql _sql;
    private readonly bool _arrays;
    private readonly List<IAsyncDisposable> _owned = [];
    private Statement? _lock;

    // SQLite: one command per statement, executed in turn.
    private Statement? _entry;
    private Statement? _node;
    private Statement? _checkpoint;
    private Statement? _state;

    // PostgreSQL: one batch per shape (tree nodes or not, checkpoint or not), each prepared on first use, all bound
    // to the same reused column lists.
    private readonly DbBatch?[] _batches = new DbBatch?[4];
    private readonly EntryColumnLists _lists = new();

    private JournalCommands(DbConnection connection, Sql sql, bool arrays, Func<DateTimeOffset, long>? timeToLong, Func<long, DateTimeOffset>? timeFromLong)
    {
        _connection = connection;
        _sql = sql;
        _arrays = arrays;
        _timeToLong = timeToLong;
        _timeFromLong = timeFromLong;
    }

    /// <summary>The connection these commands run on; they are only valid while it stays open.</summary>
    public DbConnection Connection => _connection;

    /// <summary>Builds the commands for the context's connection (not opened here, nothing prepared yet).</summary>
    public static JournalCommands Create(VigieDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var arrays = db.Database.ProviderName == Postgres;
        var connection = db.Database.GetDbConnection();
        var time = db.Model.FindEntityType(typeof(JournalEntryRow))!.FindProperty(nameof(JournalEntryRow.Time))!.GetTypeMapping().Converter;
        var sql = Sql.Of(db, arrays);
        return time switch
        {
            null => new JournalCommands(connection, sql, arrays, null, null),
            ValueConverter<DateTimeOffset, long> binary => new JournalCommands(
                connection, sql, arrays, binary.ConvertToProviderExpression.Compile(), binary.ConvertFromProviderExpression.Compile()),
            _ => throw new InvalidOperationException("journal time is expected as a timestamp or a binary long"),
        };
    }

    /// <summary>Takes the journal lock in the transaction and returns the state as of that moment (see <see cref="JournalLock"/>).</summary>
    public async Task<LockedState> LockAsync(DbTransaction transaction, CancellationToken ct)
    {
        var command = await ReadyAsync(_lock ??= NewStatement(_sql.Lock, static (_, _) => { }), transaction, ct).ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The journal state row is missing: are the migrations applied?");
            }

            var state = new LockedState(
                reader.GetInt64(0),
                reader.GetFieldValue<byte[]>(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : _timeFromLong is { } fromLong ? fromLong(reader.GetInt64(4)) : reader.GetFieldValue<DateTimeOffset>(4));
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? throw new InvalidOperationException("More than one journal state row")
                : state;
        }
    }

    /// <summary>Writes the rows, the nodes, the checkpoint if any and the new state, in the transaction (not committed).</summary>
    public Task WriteAsync(DbTransaction transaction, AppendRows rows, CancellationToken ct) =>
        _arrays ? WriteBatchAsync(transaction, rows, ct) : WriteEachAsync(transaction, rows, ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }

        _owned.Clear();
    }

    private async Task WriteEachAsync(DbTransaction transaction, AppendRows rows, CancellationToken ct)
    {
        // One reused single-row statement per row: with Microsoft.Data.Sqlite a ten-row statement (80 parameters)
        // was slower, 184 µs against 115 µs for ten rows and the state update (journal-floor phases).
        var entry = await ReadyAsync(_entry ??= NewStatement(_sql.Entry, EntryParameters), transaction, ct).ConfigureAwait(false);
        for (var i = 0; i < rows.Count; i++)
        {
            BindEntry(entry.Parameters, rows, i);
            await entry.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        if (rows.Nodes.Count > 0)
        {
            var node = await ReadyAsync(_node ??= NewStatement(_sql.Node, NodeParameters), transaction, ct).ConfigureAwait(false);
            foreach (var (id, hash) in rows.Nodes)
            {
                node.Parameters[0].Value = id.Level;
                node.Parameters[1].Value = id.Index;
                node.Parameters[2].Value = hash;
                await node.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        if (rows.Checkpoint is { } signed)
        {
            var checkpoint = await ReadyAsync(_checkpoint ??= NewStatement(_sql.Checkpoint, CheckpointParameters), transaction, ct).ConfigureAwait(false);
            var c = checkpoint.Parameters;
            c[0].Value = signed.Checkpoint.TreeSize;
            c[1].Value = Time(signed.Checkpoint.Time);
            c[2].Value = signed.Checkpoint.Root.ToArray();
            c[3].Value = signed.Note;
            c[4].Value = DBNull.Value;
            await checkpoint.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var state = await ReadyAsync(_state ??= NewStatement(_sql.State, StateParameters), transaction, ct).ConfigureAwait(false);
        SetState(state.Parameters, rows);
        await state.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task WriteBatchAsync(DbTransaction transaction, AppendRows rows, CancellationToken ct)
    {
        var shape = (rows.Nodes.Count > 0 ? 1 : 0) | (rows.Checkpoint is null ? 0 : 2);
        var batch = _batches[shape];
        var prepare = batch is null;
        batch ??= _batches[shape] = NewBatch(shape);
        batch.Transaction = transaction;
        _lists.Fill(rows);
        var commands = batch.BatchCommands;
        var at = rows.Nodes.Count > 0 ? 2 : 1;
        if (rows.Checkpoint is { } signed)
        {
            var c = commands[at++].Parameters;
            c[0].Value = new[] { signed.Checkpoint.TreeSize };
            c[1].Value = new[] { signed.Checkpoint.Time };
            c[2].Value = new[] { signed.Checkpoint.Root.ToArray() };
            c[3].Value = new[] { signed.Note };
            c[4].Value = new byte[]?[] { null };
        }

        SetState(commands[at].Parameters, rows);
        if (prepare)
        {
            await batch.PrepareAsync(ct).ConfigureAwait(false);
        }

        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private void BindEntry(DbParameterCollection p, AppendRows rows, int i)
    {
        var index = rows.Index[i];
        p[0].Value = rows.First + i;
        p[1].Value = Time(index.Time);
        p[2].Value = (int)index.Action;
        p[3].Value = (object?)index.ProfessionalId ?? DBNull.Value;
        p[4].Value = (object?)index.PatientId ?? DBNull.Value;
        p[5].Value = rows.Bytes[i];
        p[6].Value = rows.LeafHashes[i];
        p[7].Value = rows.Seals[i];
    }

    private void SetState(DbParameterCollection p, AppendRows rows)
    {
        p[0].Value = rows.TreeSize;
        p[1].Value = rows.Frontier;
        p[2].Value = (object?)rows.VerifierKey ?? DBNull.Value;
        p[3].Value = rows.CheckpointSize;
        p[4].Value = rows.CheckpointAt is { } at ? Time(at) : DBNull.Value;
    }

    private object Time(DateTimeOffset time) => _timeToLong is { } toLong ? toLong(time) : time;

    private DbBatch NewBatch(int shape)
    {
        var batch = _connection.CreateBatch();
        _owned.Add(batch);
        AddTo(batch, _sql.Entry, _lists.Bind);
        if ((shape & 1) != 0)
        {
            AddTo(batch, _sql.Node, _lists.BindNodes);
        }

        if ((shape & 2) != 0)
        {
            // A checkpoint is one row: one-element arrays, so the statement is the same unnest as the others.
            AddTo(batch, _sql.Checkpoint, static (p, create) =>
            {
                p.Add(create("p0", Array.Empty<long>()));
                p.Add(create("p1", Array.Empty<DateTimeOffset>()));
                p.Add(create("p2", Array.Empty<byte[]>()));
                p.Add(create("p3", Array.Empty<string>()));
                p.Add(create("p4", Array.Empty<byte[]>()));
            });
        }

        var state = batch.CreateBatchCommand();
#pragma warning disable CA2100 // Names from the EF model only; no outside input in the SQL text.
        state.CommandText = _sql.State;
#pragma warning restore CA2100
        batch.BatchCommands.Add(state);
        StateParameters(state.Parameters, (name, type) => Typed(state.CreateParameter(), name, type));
        return batch;
    }

    private static void AddTo(DbBatch batch, string sql, Action<DbParameterCollection, Func<string, object, DbParameter>> bind)
    {
        var command = batch.CreateBatchCommand();
#pragma warning disable CA2100 // Names from the EF model only; no outside input in the SQL text.
        command.CommandText = sql;
#pragma warning restore CA2100
        batch.BatchCommands.Add(command);
        bind(command.Parameters, (name, value) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            return parameter;
        });
    }

    private Statement NewStatement(string sql, Action<DbParameterCollection, Func<string, DbType, DbParameter>> parameters)
    {
        var command = _connection.CreateCommand();
        _owned.Add(command);
#pragma warning disable CA2100 // Names from the EF model only; no outside input in the SQL text.
        command.CommandText = sql;
#pragma warning restore CA2100
        parameters(command.Parameters, (name, type) => Typed(command.CreateParameter(), name, type));
        return new Statement(command);
    }

    // The transaction changes with every append; the statement is prepared once, in the first.
    private static async ValueTask<DbCommand> ReadyAsync(Statement statement, DbTransaction transaction, CancellationToken ct)
    {
        statement.Command.Transaction = transaction;
        if (!statement.Prepared)
        {
            await statement.Command.PrepareAsync(ct).ConfigureAwait(false);
            statement.Prepared = true;
        }

        return statement.Command;
    }

    private static DbParameter Typed(DbParameter parameter, string name, DbType type)
    {
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = DBNull.Value;
        return parameter;
    }

    private void EntryParameters(DbParameterCollection p, Func<string, DbType, DbParameter> create)
    {
        p.Add(create("p0", DbType.Int64));
        p.Add(create("p1", _timeToLong is null ? DbType.DateTimeOffset : DbType.Int64));
        p.Add(create("p2", DbType.Int32));
        p.Add(create("p3", DbType.String));
        p.Add(create("p4", DbType.String));
        p.Add(create("p5", DbType.Binary));
        p.Add(create("p6", DbType.Binary));
        p.Add(create("p7", DbType.Binary));
    }

    private static void NodeParameters(DbParameterCollection p, Func<string, DbType, DbParameter> create)
    {
        p.Add(create("p0", DbType.Int32));
        p.Add(create("p1", DbType.Int64));
        p.Add(create("p2", DbType.Binary));
    }

    private void CheckpointParameters(DbParameterCollection p, Func<string, DbType, DbParameter> create)
    {
        p.Add(create("p0", DbType.Int64));
        p.Add(create("p1", _timeToLong is null ? DbType.DateTimeOffset : DbType.Int64));
        p.Add(create("p2", DbType.Binary));
        p.Add(create("p3", DbType.String));
        p.Add(create("p4", DbType.Binary));
    }

    private void StateParameters(DbParameterCollection p, Func<string, DbType, DbParameter> create)
    {
        p.Add(create("p0", DbType.Int64));
        p.Add(create("p1", DbType.Binary));
        p.Add(create("p2", DbType.String));
        p.Add(create("p3", DbType.Int64));
        p.Add(create("p4", _timeToLong is null ? DbType.DateTimeOffset : DbType.Int64));
    }

    private sealed class Statement(DbCommand command)
    {
        public DbCommand Command { get; } = command;

        public bool Prepared { get; set; }
    }

    // PostgreSQL's unnest parameters: one reused list per column, bound once to every batch that inserts entries or nodes.
    private sealed class EntryColumnLists
    {
        private readonly List<long> _sequence = [];
        private readonly List<DateTimeOffset> _time = [];
        private readonly List<int> _action = [];
        private readonly List<string?> _professional = [];
        private readonly List<string?> _patient = [];
        private readonly List<byte[]> _entry = [];
        private readonly List<byte[]> _leaf = [];
        private readonly List<byte[]> _seal = [];
        private readonly List<int> _level = [];
        private readonly List<long> _nodeIndex = [];
        private readonly List<byte[]> _hash = [];

        public void Bind(DbParameterCollection p, Func<string, object, DbParameter> create)
        {
            p.Add(create("p0", _sequence));
            p.Add(create("p1", _time));
            p.Add(create("p2", _action));
            p.Add(create("p3", _professional));
            p.Add(create("p4", _patient));
            p.Add(create("p5", _entry));
            p.Add(create("p6", _leaf));
            p.Add(create("p7", _seal));
        }

        public void BindNodes(DbParameterCollection p, Func<string, object, DbParameter> create)
        {
            p.Add(create("p0", _level));
            p.Add(create("p1", _nodeIndex));
            p.Add(create("p2", _hash));
        }

        public void Fill(AppendRows rows)
        {
            Clear();
            for (var i = 0; i < rows.Count; i++)
            {
                var index = rows.Index[i];
                _sequence.Add(rows.First + i);
                _time.Add(index.Time);
                _action.Add((int)index.Action);
                _professional.Add(index.ProfessionalId);
                _patient.Add(index.PatientId);
                _entry.Add(rows.Bytes[i]);
                _leaf.Add(rows.LeafHashes[i]);
                _seal.Add(rows.Seals[i]);
            }

            foreach (var (id, hash) in rows.Nodes)
            {
                _level.Add(id.Level);
                _nodeIndex.Add(id.Index);
                _hash.Add(hash);
            }
        }

        private void Clear()
        {
            _sequence.Clear();
            _time.Clear();
            _action.Clear();
            _professional.Clear();
            _patient.Clear();
            _entry.Clear();
            _leaf.Clear();
            _seal.Clear();
            _level.Clear();
            _nodeIndex.Clear();
            _hash.Clear();
        }
    }

    /// <summary>The journal state read under the lock.</summary>
    internal readonly record struct LockedState(long TreeSize, byte[] Frontier, string? VerifierKey, long LastCheckpointSize, DateTimeOffset? LastCheckpointAt);

    /// <summary>The SQL text of each statement, from the EF model.</summary>
    private sealed record Sql(string Lock, string Entry, string Node, string Checkpoint, string State)
    {
        public static Sql Of(VigieDbContext db, bool arrays)
        {
            var helper = db.GetService<ISqlGenerationHelper>();
            var state = Table<JournalStateRow>(db, helper);
            var id = state.Column(nameof(JournalStateRow.Id));
            var returning = string.Join(", ", new[]
            {
                nameof(JournalStateRow.TreeSize), nameof(JournalStateRow.Frontier), nameof(JournalStateRow.VerifierKey),
                nameof(JournalStateRow.LastCheckpointSize), nameof(JournalStateRow.LastCheckpointAt),
            }.Select(state.Column));
            var generation = state.Column(nameof(JournalStateRow.Generation));
            var single = JournalStateRow.SingletonId.ToString(CultureInfo.InvariantCulture);
            var lockSql = $"UPDATE {state.Name} SET {generation} = {generation} + 1 WHERE {id} = {single} RETURNING {returning}";
            var stateSql = new StringBuilder("UPDATE ").Append(state.Name).Append(" SET ");
            string[] stateColumns =
            [
                nameof(JournalStateRow.TreeSize), nameof(JournalStateRow.Frontier), nameof(JournalStateRow.VerifierKey),
                nameof(JournalStateRow.LastCheckpointSize), nameof(JournalStateRow.LastCheckpointAt),
            ];
            for (var i = 0; i < stateColumns.Length; i++)
            {
                stateSql.Append(i == 0 ? "" : ", ").Append(state.Column(stateColumns[i])).Append(" = ")
                    .Append(helper.GenerateParameterNamePlaceholder("p" + i.ToString(CultureInfo.InvariantCulture)));
            }

            stateSql.Append(" WHERE ").Append(id).Append(" = ").Append(single);
            return new Sql(
                lockSql,
                Insert<JournalEntryRow>(db, helper, arrays, EntryProperties),
                Insert<JournalNodeRow>(db, helper, arrays, [nameof(JournalNodeRow.Level), nameof(JournalNodeRow.NodeIndex), nameof(JournalNodeRow.Hash)]),
                Insert<JournalCheckpointRow>(db, helper, arrays,
                [
                    nameof(JournalCheckpointRow.TreeSize), nameof(JournalCheckpointRow.Time), nameof(JournalCheckpointRow.RootHash),
                    nameof(JournalCheckpointRow.Note), nameof(JournalCheckpointRow.Frontier),
                ]),
                stateSql.ToString());
        }

        private static readonly string[] EntryProperties =
        [
            nameof(JournalEntryRow.Sequence), nameof(JournalEntryRow.Time), nameof(JournalEntryRow.Action), nameof(JournalEntryRow.ProfessionalId),
            nameof(JournalEntryRow.PatientId), nameof(JournalEntryRow.Entry), nameof(JournalEntryRow.LeafHash), nameof(JournalEntryRow.Seal),
        ];

        // Every mapped column of the table, in the order given: a column added to the model without a value here fails loudly.
        private static string Insert<T>(VigieDbContext db, ISqlGenerationHelper helper, bool arrays, string[] properties)
        {
            var table = Table<T>(db, helper);
            if (table.Entity.GetProperties().Count() != properties.Length)
            {
                throw new InvalidOperationException($"{table.Name} has columns the journal appender does not write");
            }

            var names = properties.Select((_, i) => helper.GenerateParameterNamePlaceholder("p" + i.ToString(CultureInfo.InvariantCulture)));
            var text = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (").AppendJoin(", ", properties.Select(table.Column)).Append(')');
            return (arrays
                ? text.Append(" SELECT * FROM unnest(").AppendJoin(", ", names).Append(')')
                : text.Append(" VALUES (").AppendJoin(", ", names).Append(')')).ToString();
        }

        private static (IEntityType Entity, string Name, Func<string, string> Column) Table<T>(VigieDbContext db, ISqlGenerationHelper helper)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return (entity, helper.DelimitIdentifier(table.Name, table.Schema),
                property => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!));
        }
    }
}
