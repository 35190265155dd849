using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vigie.Storage.Journal;

/// <summary>
/// The journal_entries columns as the EF model maps them for the current provider: a paged SELECT in verification
/// order and the conversion of the stored time back to a <see cref="DateTimeOffset"/> (SQLite stores a binary long).
/// </summary>
public sealed class EntryColumns
{
    private readonly Func<long, DateTimeOffset>? _fromProvider;

    private EntryColumns(string pageSql, Func<long, DateTimeOffset>? fromProvider)
    {
        PageSql = pageSql;
        _fromProvider = fromProvider;
    }

    /// <summary>Selects sequence, entry, leaf hash, seal, time, action, professional id and patient id after @after.</summary>
    public string PageSql { get; }

    /// <summary>
    /// The row's time, read the way EF reads it. A value that cannot be a time (a tampered row) gives
    /// <see cref="DateTimeOffset.MinValue"/>, which the verifier then reports as an index mismatch: never a crash.
    /// </summary>
    public DateTimeOffset Time(System.Data.Common.DbDataReader reader, int ordinal)
    {
        try
        {
            return _fromProvider is null ? reader.GetFieldValue<DateTimeOffset>(ordinal) : TimeFromInt64(reader.GetInt64(ordinal));
        }
        catch (Exception e) when (e is InvalidCastException or FormatException)
        {
            return DateTimeOffset.MinValue;
        }
    }

    /// <summary>True when the provider stores the time as a long (SQLite), which <see cref="TimeFromInt64"/> converts.</summary>
    public bool TimeIsInt64 => _fromProvider is not null;

    /// <summary>A time stored as a long, converted the way EF converts it; <see cref="DateTimeOffset.MinValue"/> when it cannot be a time.</summary>
    public DateTimeOffset TimeFromInt64(long stored)
    {
        if (_fromProvider is null)
        {
            throw new InvalidOperationException("this provider does not store the journal time as a long");
        }

        try
        {
            return _fromProvider(stored);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            return DateTimeOffset.MinValue;
        }
    }

    internal static EntryColumns Of(VigieDbContext db, int pageSize)
    {
        var entity = db.Model.FindEntityType(typeof(JournalEntryRow)) ?? throw new InvalidOperationException("journal_entries is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var time = entity.FindProperty(nameof(JournalEntryRow.Time))!;
        var names = new[]
        {
            nameof(JournalEntryRow.Sequence), nameof(JournalEntryRow.Entry), nameof(JournalEntryRow.LeafHash), nameof(JournalEntryRow.Seal),
            nameof(JournalEntryRow.Time), nameof(JournalEntryRow.Action), nameof(JournalEntryRow.ProfessionalId), nameof(JournalEntryRow.PatientId),
        };
        var sequence = Column(nameof(JournalEntryRow.Sequence));
        var select = $"SELECT {string.Join(", ", names.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                     $"WHERE {sequence} > @after ORDER BY {sequence} LIMIT {pageSize}";
        // Typed, not EF's boxing ConvertFromProvider: two boxes a row are measurable at a million rows a second.
        return time.GetTypeMapping().Converter switch
        {
            null => new EntryColumns(select, null),
            ValueConverter<DateTimeOffset, long> binary => new EntryColumns(select, binary.ConvertFromProviderExpression.Compile()),
            _ => throw new InvalidOperationException("journal time is expected as a timestamp or a binary long"),
        };
    }
}
