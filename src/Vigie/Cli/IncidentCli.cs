using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Storage;
using Vigie.Storage.Incidents;
using Vigie.Storage.Journal;

namespace Vigie.Cli;

/// <summary>What the `vigie incident` verbs share: options, time parsing, loading an incident, journaling what they show.</summary>
internal static class IncidentCli
{
    public const int NotFound = 2;
    public const int JournalUnavailable = 3;

    /// <summary>An ISO 8601 instant; without an offset it is taken as UTC ("2026-03-02T08:00" = 08:00Z).</summary>
    public static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description + " (ISO 8601; UTC when no offset is given)",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }

            result.AddError($"{name}: an ISO 8601 date and time, e.g. 2026-03-02T08:00:00Z");
            return null;
        },
    };

    public static Option<string[]> Many(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    public static Option<string> IncidentOption(bool required = true) => new("--incident") { Description = "The incident id (INC-7 or 7)", Required = required };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON" };

    /// <summary>The incident named by --incident, or an error on stderr and null.</summary>
    public static async Task<Incident?> LoadAsync(VigieDbContext db, string? text, CancellationToken ct)
    {
        var id = IncidentId.Parse(text);
        if (!id.Success)
        {
            await Console.Error.WriteLineAsync("--incident: " + id.Error).ConfigureAwait(false);
            return null;
        }

        var incident = await IncidentStore.FindAsync(db, id.Value, ct).ConfigureAwait(false);
        if (incident is null)
        {
            await Console.Error.WriteLineAsync("no incident " + id.Value).ConfigureAwait(false);
        }

        return incident;
    }

    /// <summary>
    /// Journals what a verb is about to show, as the server does for officers (one entry per patient), and only then
    /// lets it print: false when the journal cannot be written, and the verb must print nothing. The actor is the
    /// operating-system account, since the command line has no sign-in.
    /// </summary>
    public static async Task<bool> JournalAsync(VigieSettings settings, JournalAction action, IEnumerable<Core.Identity.PatientId> patients, string view, IncidentId? incident,
        CancellationToken ct, DisclosedData disclosed = DisclosedData.Identity)
    {
        using var key = JournalKeyFiles.TryLoad(settings.DataDirectory);
        var user = Environment.UserName;
        var entries = IncidentDisclosures.Entries(TimeProvider.System.GetUtcNow(), new JournalActor("cli:" + user[..Math.Min(user.Length, 40)], null, "operator"),
            new JournalRequest(null, null, "vigie-cli", Guid.NewGuid().ToString("N")), action, patients, view, incident, disclosed);
        if (entries.Count == 0)
        {
            return true;
        }

        if (key is null)
        {
            await Console.Error.WriteLineAsync("journal key not found in the data directory: nothing can be journaled, so nothing is shown").ConfigureAwait(false);
            return false;
        }

        try
        {
            var writer = new JournalWriter(() => StorageSetup.CreateContext(settings), key, TimeProvider.System);
            await using (writer.ConfigureAwait(false))
            {
                await writer.AppendAsync(entries, ct).ConfigureAwait(false);
            }

            return true;
        }
#pragma warning disable CA1031 // Any journal failure means the patients are not shown; the cause is printed.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync("the journal cannot be written (" + exception.GetType().Name + "): nothing is shown").ConfigureAwait(false);
            return false;
        }
    }

    public static async Task WriteJsonAsync(object value, CancellationToken ct)
    {
        var stdout = Console.OpenStandardOutput();
        await using (stdout.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stdout, value, IncidentJson.Options, ct).ConfigureAwait(false);
            await stdout.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The journal's trust (public key and seal key), which outlives the key file's handle; null without a journal key.</summary>
    public static JournalTrust? Trust(VigieSettings settings)
    {
        using var key = JournalKeyFiles.TryLoad(settings.DataDirectory);
        return key?.Trust;
    }
}
