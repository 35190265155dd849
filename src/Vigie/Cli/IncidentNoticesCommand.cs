using System.CommandLine;
using System.Text.Json;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Core.Notices;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Notices;
using Vigie.Storage.Incidents;

namespace Vigie.Cli;

/// <summary>
/// `vigie incident notices --incident ID --portal URL --out DIR`: writes targets.jsonl and notice.json, the inputs of
/// `vigie notify --incident ID --targets DIR/targets.jsonl --notice DIR/notice.json`. The targets carry contacts, so
/// every person is journaled (an export, with the categories written) before the file is.
/// </summary>
internal static class IncidentNoticesCommand
{
    public const string TargetsFile = "targets.jsonl";
    public const string NoticeFile = "notice.json";
    public const string RefusedFile = "refused.txt";

    public static Command Create()
    {
        var command = new Command("notices", "Write the inputs of `vigie notify` for an incident's affected people.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var incidentOption = IncidentCli.IncidentOption();
        var portal = new Option<string>("--portal") { Description = "The public verification portal printed in every notice, e.g. https://vigie.example.fr/verifier", Required = true };
        var shortName = new Option<string?>("--short-name") { Description = "Organisation name for SMS, at most 24 characters (default: the name, cut)" };
        var output = new Option<string>("--out") { Description = "Directory to write targets.jsonl and notice.json to", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation file (default: organisation.json in the data directory)" };
        var skipRefused = new Option<bool>("--skip-refused") { Description = "Write the others when some people's registry data cannot go into a notice; their ids go to refused.txt for a manual follow-up" };
        foreach (var option in new Option[] { incidentOption, portal, shortName, output, organisation, skipRefused })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var incident = await IncidentCli.LoadAsync(db, result.GetValue(incidentOption), ct).ConfigureAwait(false);
            if (incident is null)
            {
                return IncidentCli.NotFound;
            }

            var (profile, zone) = OrganisationFile.Load(settings.DataDirectory, result.GetValue(organisation));
            var investigation = await IncidentWorkflow.InvestigateAsync(db, incident, IncidentCli.Trust(settings), proofs: false, pivots: false,
                TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
            var name = result.GetValue(shortName) ?? profile.Name[..Math.Min(profile.Name.Length, 24)];
            var facts = NoticeInputs.Facts(incident, investigation.Scope, profile, zone, name, result.GetValue(portal)!);
            if (!facts.Success)
            {
                await Console.Error.WriteLineAsync("notice facts refused: " + facts.Error + " (the organisation and its DPO come from organisation.json in the data directory)").ConfigureAwait(false);
                return 1;
            }

            var people = await AffectedPeopleQuery.LoadAsync(db, investigation.Scope, ct).ConfigureAwait(false);
            var all = NoticeInputs.Targets(people);
            var refused = all.Where(t => !NotificationTarget.Check(new NotificationTarget(t.PatientId, t.DisplayName ?? "", t.Email, t.Phone,
                t.Address is { } a ? new PostalAddress(a.Lines ?? [], a.PostalCode, a.City, a.Country) : null, DisclosedData.Identity)).Success).ToList();
            if (refused.Count > 0 && !result.GetValue(skipRefused))
            {
                await Console.Error.WriteLineAsync($"{refused.Count} people have registry data a notice cannot carry (a web address or control characters in a name, an over-long field): nothing written; fix them, or use --skip-refused and notify them by hand").ConfigureAwait(false);
                return 1;
            }

            var targets = all.Except(refused).ToList();

            if (!await JournalTargetsAsync(settings, incident, targets, ct).ConfigureAwait(false))
            {
                return IncidentCli.JournalUnavailable;
            }

            var directory = result.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var options = new JsonSerializerOptions(NoticeInputFiles.Json) { WriteIndented = false };
            await IncidentFiles.WriteAsync(directory, TargetsFile, string.Concat(targets.Select(t => JsonSerializer.Serialize(t, options) + "\n")), ct).ConfigureAwait(false);
            await IncidentFiles.WriteAsync(directory, NoticeFile, JsonSerializer.Serialize(facts.Value, new JsonSerializerOptions(NoticeInputFiles.Json) { WriteIndented = true }), ct).ConfigureAwait(false);
            if (refused.Count > 0)
            {
                await IncidentFiles.WriteAsync(directory, RefusedFile, string.Concat(refused.Select(t => t.PatientId + "\n")), ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"{refused.Count} people left out, listed in {RefusedFile}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"{targets.Count} people to notify, {people.Count - targets.Count} not found in the registry").ConfigureAwait(false);
            Console.WriteLine(Path.Combine(directory, TargetsFile));
            Console.WriteLine(Path.Combine(directory, NoticeFile));
            return 0;
        });
        return command;
    }

    // Each person once, with exactly the categories the file gives away.
    private static async Task<bool> JournalTargetsAsync(VigieSettings settings, Core.Incidents.Incident incident, IReadOnlyList<NoticeInputFiles.TargetLine> targets, CancellationToken ct)
    {
        foreach (var group in targets.GroupBy(NoticeInputs.Disclosed))
        {
            if (!await IncidentCli.JournalAsync(settings, JournalAction.AuditExport, group.Select(t => new PatientId(t.PatientId)), "notices", incident.Id, ct, group.Key).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }
}
