using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Journal;

/// <summary>
/// Builds journal entries from a request (who, from where, which session) and appends them before the answer:
/// <c>await http.JournalAsync(JournalAction.Read, [id], DisclosedData.Identity)</c>.
/// </summary>
internal static class HttpJournal
{
    /// <summary>One entry per patient (none: one entry without patient), then waits until they are durable.</summary>
    public static Task JournalAsync(this HttpContext http, JournalAction action, IReadOnlyCollection<string> patients, DisclosedData disclosed,
        JournalOutcome outcome = JournalOutcome.Success, string? query = null, string? purpose = null) =>
        http.JournalAsync(Entries(http, action, patients, disclosed, outcome, query, purpose));

    /// <summary>
    /// As <see cref="JournalAsync(HttpContext, JournalAction, IReadOnlyCollection{string}, DisclosedData, JournalOutcome, string?, string?)"/>,
    /// but returns while the entries are written: render the answer, then await <c>DurableAsync()</c> before returning it.
    /// </summary>
    public static JournalRecorder.JournalInFlight BeginJournal(this HttpContext http, JournalAction action, IReadOnlyCollection<string> patients, DisclosedData disclosed,
        string? query = null) =>
        http.BeginJournal(Entries(http, action, patients, disclosed, JournalOutcome.Success, query, null));

    /// <summary>Starts appending prepared entries (e.g. $match, where each entry carries its grade); see the overload above.</summary>
    public static JournalRecorder.JournalInFlight BeginJournal(this HttpContext http, IReadOnlyList<JournalEntry> entries) =>
        http.RequestServices.GetRequiredService<JournalRecorder>().Begin(entries, http.RequestAborted);

    private static List<JournalEntry> Entries(HttpContext http, JournalAction action, IReadOnlyCollection<string> patients, DisclosedData disclosed,
        JournalOutcome outcome, string? query, string? purpose)
    {
        var time = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var actor = Actor(http);
        var request = Request(http);
        var entries = new List<JournalEntry>(Math.Max(1, patients.Count));
        foreach (var patient in patients)
        {
            entries.Add(new JournalEntry(time, actor, request, action, new PatientId(patient), disclosed, query, purpose, outcome));
        }

        if (entries.Count == 0)
        {
            entries.Add(new JournalEntry(time, actor, request, action, null, DisclosedData.None, query, purpose, outcome));
        }

        return entries;
    }

    /// <summary>Appends prepared entries (e.g. a batch, where each entry has its own disclosure).</summary>
    public static Task JournalAsync(this HttpContext http, IReadOnlyList<JournalEntry> entries) =>
        http.RequestServices.GetRequiredService<JournalRecorder>().AppendAsync(entries, http.RequestAborted);

    /// <summary>Journals a refusal, then gives the refusal's answer.</summary>
    public static async Task<IResult> DeniedAsync(this HttpContext http, JournalAction action, AccessDecision decision, string? patient = null)
    {
        await http.JournalAsync(action, patient is null ? [] : [patient], DisclosedData.None, JournalOutcome.DeniedByPolicy, query: decision.Reason).ConfigureAwait(false);
        return AccessResults.From(decision);
    }

    /// <summary>The entry's time, actor and request, for callers that build entries themselves.</summary>
    public static JournalEntry Entry(HttpContext http, JournalAction action, string? patient, DisclosedData disclosed,
        JournalOutcome outcome = JournalOutcome.Success, string? query = null, string? purpose = null) =>
        new(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), Actor(http), Request(http), action,
            patient is null ? null : new PatientId(patient), disclosed, query, purpose, outcome);

    public static JournalActor Actor(HttpContext http) => http.AccessPrincipalOrNull() is { } p
        ? new JournalActor(p.Subject, p.Establishments.Count == 0 ? null : string.Join(',', p.Establishments.Select(e => e.Value)), RoleNames.Format(p.Roles))
        : JournalActor.Unknown;

    public static JournalRequest Request(HttpContext http)
    {
        var context = http.RequestContext();
        return new JournalRequest(context.Session, context.ClientIp, context.UserAgent, context.RequestId);
    }

    /// <summary>The categories a FHIR answer disclosed: identity always, plus the contact categories sent.</summary>
    public static DisclosedData Disclosed(ContactCategories contact) =>
        DisclosedData.Identity
        | (contact.HasFlag(ContactCategories.Phone) ? DisclosedData.Phone : DisclosedData.None)
        | (contact.HasFlag(ContactCategories.Email) ? DisclosedData.Email : DisclosedData.None)
        | (contact.HasFlag(ContactCategories.Address) ? DisclosedData.Address : DisclosedData.None);
}
