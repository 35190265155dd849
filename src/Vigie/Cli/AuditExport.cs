using System.Text;
using Hl7.Fhir.Serialization;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Cli;

/// <summary>
/// `vigie audit export`: the same AuditEvents as GET /fhir/AuditEvent, one per line. The export is itself
/// journaled (an AuditExport entry by the operating-system user who ran it), before anything is written.
/// </summary>
internal static class AuditExport
{
    private const int Page = 5_000;

    public static async Task<int> RunAsync(VigieSettings settings, JournalSearch search, string? outputPath, CancellationToken ct)
    {
        await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
        using var key = JournalSigningKey.LoadOrCreate(settings.DataDirectory, settings.Journal.Origin);
        await using (var writer = new JournalWriter(() => StorageSetup.CreateContext(settings), key, TimeProvider.System))
        {
            var actor = new JournalActor("cli:" + Environment.UserName, null, null);
            var entry = new JournalEntry(TimeProvider.System.GetUtcNow(), actor, JournalRequest.None, JournalAction.AuditExport,
                search.PatientId is { } p ? new Core.Identity.PatientId(p) : null, DisclosedData.None, ExportQuery(search, outputPath), null, JournalOutcome.Success);
            await writer.AppendAsync([entry], ct).ConfigureAwait(false);
        }

        var stream = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath);
        await using var output = new StreamWriter(stream, new UTF8Encoding(false));
        await using var db = StorageSetup.CreateContext(settings);
        long count = 0;
        var cursor = search with { Limit = Page };
        while (true)
        {
            var records = await JournalQueries.SearchAsync(db, cursor, key.SealKey, ct).ConfigureAwait(false);
            foreach (var record in records)
            {
                var audit = AuditEventMapping.ToAuditEvent(record, key.Origin);
                await output.WriteLineAsync(FhirJsonSerializer.Default.SerializeToString(audit)).ConfigureAwait(false);
                count++;
            }

            if (records.Count < Page)
            {
                break;
            }

            cursor = cursor with { AfterSequence = records[^1].Sequence };
            if (outputPath is not null)
            {
                await Console.Error.WriteLineAsync($"exported {count} entries...").ConfigureAwait(false);
            }
        }

        await Console.Error.WriteLineAsync($"exported {count} AuditEvents").ConfigureAwait(false);
        return 0;
    }

    private static string ExportQuery(JournalSearch s, string? outputPath) =>
        MinimisedQuery.Of(new (bool, string)[] { (s.PatientId is not null, "patient"), (s.ProfessionalId is not null, "agent"), (s.From is not null, "from"), (s.To is not null, "to"), (outputPath is not null, "out") }
            .Where(x => x.Item1).Select(x => x.Item2));
}
