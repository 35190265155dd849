using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Hosting;
using Vigie.Registry;
using Vigie.Core.Matching;
using Vigie.Storage.Registry;

namespace Vigie.Cli;

/// <summary>
/// `vigie import FILE`: first loads. The whole file is checked first (a bad record: nothing is written); then it is
/// registered pipelined, one transaction per chunk, so an interrupted import is resumed by running it again (decision
/// 0020), or with `--atomic` chunk by chunk inside one transaction, all or nothing. Progress goes to stderr.
/// Afterwards the match model is re-estimated by EM on the registry's own records.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Load identities from FHIR NDJSON (one Patient per line) or a batch Bundle.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var file = new Argument<FileInfo>("FILE") { Description = "NDJSON or Bundle JSON file" };
        var chunk = new Option<int>("--chunk") { Description = "Records per chunk (progress, memory and, unless --atomic, transaction granularity). Default 1000", DefaultValueFactory = _ => 1000 };
        var atomic = new Option<bool>("--atomic")
        {
            Description = "One transaction for the whole file: all or nothing, sequential, and on SQLite a WAL that grows until the end. By default each chunk commits on its own; "
                + "if the import stops, running it again skips the records already registered",
        };
        var noEstimate = new Option<bool>("--no-estimate") { Description = "Do not re-estimate the match model after the import" };
        command.Arguments.Add(file);
        command.Options.Add(chunk);
        command.Options.Add(atomic);
        command.Options.Add(noEstimate);
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {path.FullName} does not exist").ConfigureAwait(false);
                return 2;
            }

            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            var clock = TimeProvider.System;
            await using var db = StorageSetup.CreateContext(settings);
            var establishments = await RegistrationInput.EstablishmentsBySystemAsync(db, ct).ConfigureAwait(false);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var checkedFile = await ImportFile.ReadAsync(path.FullName, today, establishments, ct).ConfigureAwait(false);
            if (checkedFile.Errors.Count > 0)
            {
                await Console.Error.WriteLineAsync("error: the file was refused; nothing was written:").ConfigureAwait(false);
                foreach (var e in checkedFile.Errors)
                {
                    await Console.Error.WriteLineAsync("  " + e).ConfigureAwait(false);
                }

                return 1;
            }

            var models = new MatchModelProvider(NullLogger<MatchModelProvider>.Instance, clock);
            var startModel = models.Current(db);
            // The prior follows the register's real size, as the server's does: then an import stopped and run again
            // scores each record against the same prior as one run would have (0020); the model's training size used to
            // stand in for the register at the start, which differs between a first run and its resumption.
            var registered = await db.Identities.LongCountAsync(i => i.Active, ct).ConfigureAwait(false);
            MatchModel ModelFor(long created) => MatchModelProvider.ScaleToRegister(startModel, registered + created);
            var chunkSize = Math.Max(1, result.GetValue(chunk));
            var totals = result.GetValue(atomic)
                ? await ImportRunner.RunAtomicAsync(db, created => new IdentityRegistration(db, clock, PatientIds.NewRandom, () => ModelFor(created), MatchThresholds.Default),
                    checkedFile.Requests, chunkSize, ct).ConfigureAwait(false)
                : await ImportRunner.RunChunkedAsync(() => StorageSetup.CreateContext(settings), clock, ModelFor, checkedFile.Requests, chunkSize, ct).ConfigureAwait(false);
            Console.WriteLine($"imported {checkedFile.Requests.Count} records: {totals.Created} identities created, {totals.Linked} linked, {totals.Already} already registered, {totals.Queued} probable duplicates queued");
            if (!result.GetValue(noEstimate))
            {
                var estimate = await ModelEstimation.EstimateOnRegistryAsync(db, models, ct).ConfigureAwait(false);
                Console.Error.WriteLine($"match model re-estimated by EM on {estimate.Pairs} candidate pairs from {estimate.Records} identities");
            }

            return 0;
        });
        return command;
    }
}
