using System.CommandLine;
using System.Globalization;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Incidents;

namespace Vigie.Cli;

/// <summary>
/// `vigie incident scope`: the exact scope of an incident (--incident), or of one or more professionals over a
/// window without opening one (--professional --from --to). JSON holds every patient, entry and inclusion proof.
/// </summary>
internal static class IncidentScopeCommand
{
    public static Command Create()
    {
        var command = new Command("scope", "Compute the exact breach scope from the journal.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var incidentOption = IncidentCli.IncidentOption(required: false);
        var professionals = IncidentCli.Many("--professional", "Without --incident: the account(s) to scope; repeatable");
        var from = IncidentCli.Time("--from", "Without --incident: start of the window");
        var to = IncidentCli.Time("--to", "Without --incident: end of the window, excluded");
        var json = IncidentCli.Json();
        var noProofs = new Option<bool>("--no-proofs") { Description = "Leave out the inclusion proofs" };
        var noPivots = new Option<bool>("--no-pivots") { Description = "Leave out the pivots" };
        foreach (var option in new Option[] { incidentOption, professionals, from, to, json, noProofs, noPivots })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            Incident? incident = null;
            TimeWindow window;
            IncidentSelectors selectors;
            if (result.GetValue(incidentOption) is { } id)
            {
                incident = await IncidentCli.LoadAsync(db, id, ct).ConfigureAwait(false);
                if (incident is null)
                {
                    return IncidentCli.NotFound;
                }

                (window, selectors) = (incident.Window, incident.Selectors);
            }
            else
            {
                var s = IncidentSelectors.Create(result.GetValue(professionals));
                var w = result.GetValue(from) is { } f && result.GetValue(to) is { } t ? TimeWindow.Create(f, t) : Core.ParseResult<TimeWindow>.Fail("give --from and --to");
                if (!s.Success || !w.Success)
                {
                    await Console.Error.WriteLineAsync("give --incident, or --professional with --from and --to: " + (s.Error ?? w.Error)).ConfigureAwait(false);
                    return 1;
                }

                (window, selectors) = (w.Value, s.Value);
            }

            var investigation = await IncidentWorkflow.InvestigateAsync(db, window, selectors, IncidentCli.Trust(settings),
                !result.GetValue(noProofs), !result.GetValue(noPivots), TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
            var scope = investigation.Scope;
            if (!await IncidentCli.JournalAsync(settings, JournalAction.AuditQuery, scope.Patients.Select(p => p.Patient), "scope", incident?.Id, ct).ConfigureAwait(false))
            {
                return IncidentCli.JournalUnavailable;
            }

            if (result.GetValue(json))
            {
                await IncidentCli.WriteJsonAsync(IncidentJson.Scope(incident?.Id, scope, investigation.Pivots), ct).ConfigureAwait(false);
                return 0;
            }

            var summary = scope.Summary;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.People} people, {summary.Records} records, exact: {(scope.Integrity.Exact ? "yes" : "no")}"));
            foreach (var c in summary.Categories)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {FrenchText.CategoryCode(c.Category),-10} {c.People,8} people {c.Records,10} records"));
            }

            foreach (var pivot in investigation.Pivots?.Candidates ?? [])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pivot {pivot.Account}: {pivot.SharedEntries} shared entries, {pivot.PatientsIfAdded} patients if added"));
            }

            return 0;
        });
        return command;
    }
}
