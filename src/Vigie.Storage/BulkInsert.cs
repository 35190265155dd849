using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Vigie.Storage;

/// <summary>
/// Inserts rows of one entity type through a single prepared INSERT on the context's connection and transaction.
/// The SQL, column names and value conversions all come from the EF model, so it stays provider-neutral; it only
/// skips the change tracker, whose per-row bookkeeping costs more than the insert itself on hot write paths
/// (registration at thousands of identities per second).
/// </summary>
public sealed class BulkInsert<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)[] _columns;

    private BulkInsert(DbCommand command, (IProperty, DbParameter, RelationalTypeMapping)[] columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>Prepares the INSERT. The caller owns the transaction (it must already be open on the context).</summary>
    public static async Task<BulkInsert<T>> PrepareAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
            .ToList();

        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert needs an open transaction");
        var columns = new (IProperty, DbParameter, RelationalTypeMapping)[properties.Count];
        var names = new List<string>(properties.Count);
        var values = new List<string>(properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameterName = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parameter = mapping.CreateParameter(command, parameterName, null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = (property, parameter, mapping);
            names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            values.Add(sql.GenerateParameterNamePlaceholder(parameterName));
        }

#pragma warning disable CA2100 // Table and column names come from the EF model, values are parameters: no outside input in the SQL text.
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})";
#pragma warning restore CA2100
        await command.PrepareAsync(ct).ConfigureAwait(false);
        return new BulkInsert<T>(command, columns);
    }

    public async Task InsertAsync(T row, CancellationToken ct)
    {
        foreach (var (property, parameter, mapping) in _columns)
        {
            var value = property.GetGetter().GetClrValue(row);
            var converter = mapping.Converter;
            parameter.Value = value is null ? DBNull.Value : converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
