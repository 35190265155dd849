using System.CommandLine;
using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Detection;
using Vigie.Hosting;
using Vigie.Storage.Journal;

namespace Vigie.Cli;

/// <summary>
/// `vigie containment status|release`: a security officer's view and release of a contained account or session from
/// the server's console, the same as the API. The release is journaled (ContainmentRelease) by the operating-system
/// user who ran it, before it takes effect; every node sees it on the next request.
/// </summary>
internal static class ContainmentCommand
{
    public static Command Create()
    {
        var command = new Command("containment", "Show or release the containment of a professional's account or session.");
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Release());
        return command;
    }

    private static Command Status()
    {
        var status = new Command("status", "List a professional's suspensions, active and released, with their reasons.");
        var (data, postgres) = CommonOptions.AddTo(status);
        var professional = new Option<string>("--professional") { Description = "National id (RPPS, or 8 + RPPS)", Required = true };
        status.Options.Add(professional);
        status.SetAction(async (result, ct) =>
        {
            var id = NationalId.Parse(result.GetValue(professional));
            if (!id.Success)
            {
                await Console.Error.WriteLineAsync("error: " + id.Error).ConfigureAwait(false);
                return 2;
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var rows = await Containments.AllForAsync(db, id.Value.Value, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"{(row.ReleasedAt is null ? "ACTIVE  " : "released")}\t{(row.Scope == 1 ? "account" : "session " + row.Session)}\t{row.SuspendedAt:O}\t{row.SuspendedBy}\t{(row.Enforced ? "enforced" : "report-only")}\t{row.Reasons}"));
            }

            return 0;
        });
        return status;
    }

    private static Command Release()
    {
        var release = new Command("release", "Release a professional's account and all its sessions, or one session. Exit 0 when something was released, 1 when nothing was suspended.");
        var (data, postgres) = CommonOptions.AddTo(release);
        var professional = new Option<string>("--professional") { Description = "National id (RPPS, or 8 + RPPS)", Required = true };
        var session = new Option<string?>("--session") { Description = "Release only this session. Default: the account and all its sessions" };
        release.Options.Add(professional);
        release.Options.Add(session);
        release.SetAction(async (result, ct) =>
        {
            var id = NationalId.Parse(result.GetValue(professional));
            if (!id.Success)
            {
                await Console.Error.WriteLineAsync("error: " + id.Error).ConfigureAwait(false);
                return 2;
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            var by = "cli:" + Environment.UserName;
            var only = result.GetValue(session);
            using (var key = JournalSigningKey.LoadOrCreate(settings.DataDirectory, settings.Journal.Origin))
            {
                await using var writer = new JournalWriter(() => StorageSetup.CreateContext(settings), key, TimeProvider.System);
                var entry = new JournalEntry(TimeProvider.System.GetUtcNow(), new JournalActor(by, null, null), JournalRequest.None, JournalAction.ContainmentRelease,
                    null, DisclosedData.None, (only is null ? "release-account" : "release-session") + ";professional=" + id.Value.Value, null, JournalOutcome.Success);
                await writer.AppendAsync([entry], ct).ConfigureAwait(false);
            }

            await using var db = StorageSetup.CreateContext(settings);
            var released = await Containments.ReleaseAsync(db, id.Value.Value, only, by, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
            Console.WriteLine(released == 0 ? "nothing to release" : $"released {released} suspension(s)");
            return released == 0 ? 1 : 0;
        });
        return release;
    }
}
