using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Vigie.Storage;

/// <summary>
/// Inserts rows of one entity type with multi-row INSERT statements (<c>VALUES (...), (...), ...</c>) on the
/// context's connection and transaction. Like <see cref="BulkInsert{T}"/> the SQL, column names and conversions
/// come from the EF model; unlike it, one statement carries up to <see cref="MaxRowsPerStatement"/> rows, because
/// over a network connection (PostgreSQL) the round trip per row, not the insert, bounds a batch.
/// </summary>
public static class MultiRowInsert
{
    /// <summary>Rows per statement, also kept under both providers' parameter limits (SQLite 32,766, PostgreSQL 65,535).</summary>
    public const int MaxRowsPerStatement = 500;

    private const int MaxParameters = 30_000;

    /// <summary>Inserts all rows; the caller owns the transaction, which must be open on the context.</summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .ToArray();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)));
        var perStatement = Math.Min(MaxRowsPerStatement, MaxParameters / properties.Length);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("MultiRowInsert needs an open transaction");

        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
                    .Append(" (").Append(columns).Append(") VALUES ");
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < properties.Length; c++)
                    {
                        var (property, mapping) = properties[c];
                        var name = "p" + ((r * properties.Length) + c).ToString(CultureInfo.InvariantCulture);
                        var value = property.GetGetter().GetClrValue(rows[start + r]);
                        var parameter = mapping.CreateParameter(command, name, null, property.IsNullable);
                        parameter.Value = value is null ? DBNull.Value : mapping.Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
                        command.Parameters.Add(parameter);
                        text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    }

                    text.Append(')');
                }

#pragma warning disable CA2100 // Table and column names come from the EF model, values are parameters: no outside input in the SQL text.
                command.CommandText = text.ToString();
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }
}
