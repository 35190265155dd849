using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Detection;

/// <summary>
/// The journal → engine mapping, in one place: turns the journal entries of one request (one per patient disclosed,
/// IHE BALP) back into the <see cref="AccessEvent"/> the engine judged live, so that the engine can learn from the
/// journal (warm start, other nodes' requests). Feed entries in sequence order; an event comes out when the next
/// request starts, and <see cref="Flush"/> gives the last one.
/// </summary>
/// <remarks>
/// What the journal cannot give back: the sweep keys of a query (names and dates are minimised away on purpose, so
/// a learnt search has its traits but no alphabetical position) and the token's <c>auth_time</c>. Only successful
/// disclosures by professionals are learnt: refusals disclosed nothing, and machine accounts are not judged.
/// </remarks>
internal sealed class JournalAccessEvents
{
    /// <summary>The journal actions that are accesses the engine judges (as stored numbers, for the page query).</summary>
    public static readonly int[] Actions =
        [(int)JournalAction.Read, (int)JournalAction.Search, (int)JournalAction.Match, (int)JournalAction.CrossReference];

    private readonly List<JournalEntry> _open = [];

    /// <summary>Adds the next entry; returns the previous request's event when this entry starts a new request.</summary>
    public AccessEvent? Add(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        AccessEvent? done = null;
        if (_open.Count > 0 && !SameRequest(_open[0], entry))
        {
            done = Flush();
        }

        _open.Add(entry);
        return done;
    }

    /// <summary>The event of the entries added since the last one, if they make one.</summary>
    public AccessEvent? Flush()
    {
        var result = _open.Count == 0 ? null : ToEvent(_open);
        _open.Clear();
        return result;
    }

    /// <summary>The access one request's entries record, or null when it is not one the engine judges.</summary>
    public static AccessEvent? ToEvent(IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var first = entries[0];
        var action = first.Action switch
        {
            JournalAction.Read => AccessAction.Read,
            JournalAction.Search => AccessAction.Search,
            JournalAction.Match => AccessAction.Match,
            JournalAction.CrossReference => AccessAction.CrossReference,
            _ => (AccessAction?)null,
        };
        if (action is null || first.Outcome != JournalOutcome.Success || entries.Any(e => e.Outcome != JournalOutcome.Success)
            || !NationalId.Parse(first.Actor.ProfessionalId).Success
            || first.Actor.Establishment?.Split(',')[0] is not { } finessText || !Finess.Parse(finessText).Success
            || RoleNames.Parse(first.Actor.Role) is not { Success: true, Value: not Role.None } role)
        {
            return null;
        }

        var disclosed = entries.Aggregate(DisclosedData.None, (all, e) => all | e.Disclosed);
        var categories = (disclosed.HasFlag(DisclosedData.Phone) ? ContactCategories.Phone : ContactCategories.None)
            | (disclosed.HasFlag(DisclosedData.Email) ? ContactCategories.Email : ContactCategories.None)
            | (disclosed.HasFlag(DisclosedData.Address) ? ContactCategories.Address : ContactCategories.None);
        PatientId[] patients = [.. entries.Where(e => e.Patient is not null).Select(e => e.Patient!.Value).Distinct()];

        // A break-the-glass read journals "CODE: reason"; the engine only weighs the code.
        var purpose = first.Purpose is { } p ? p.Split(':')[0].Trim() : null;
        return new AccessEvent(first.Time, NationalId.Parse(first.Actor.ProfessionalId).Value, Finess.Parse(finessText).Value, role.Value,
            first.Request.Session ?? "none", first.Request.ClientIp, first.Request.UserAgent, action.Value, ShapeOf(first.Action, first.Query),
            patients, categories, string.IsNullOrEmpty(purpose) ? null : purpose);
    }

    /// <summary>A step-up the engine of the node that journaled this risk refusal asked of a session, or null.</summary>
    public static SharedStepUp? StepUpOf(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        const string prefix = "step-up;";
        if (entry.Outcome != JournalOutcome.DeniedByRisk || entry.Query is not { } query || !query.StartsWith(prefix, StringComparison.Ordinal)
            || entry.Request.Session is not { } session || !NationalId.Parse(entry.Actor.ProfessionalId).Success)
        {
            return null;
        }

        return new SharedStepUp(NationalId.Parse(entry.Actor.ProfessionalId).Value, session, entry.Time,
            query[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// A query's shape from its minimised form (parameter names, no values): the traits and exactness are kept, the
    /// ordering keys (sweeps) are not in the journal and stay 0.
    /// </summary>
    public static QueryShape? ShapeOf(JournalAction action, string? query)
    {
        if (action is JournalAction.Read)
        {
            return null;
        }

        var names = (query ?? "").Split(';')[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var traits = QueryTraits.None;
        var exact = action is JournalAction.Match or JournalAction.CrossReference;
        foreach (var name in names)
        {
            var bare = name.Split(':')[0];
            exact |= bare == "family" && name.EndsWith(":exact", StringComparison.Ordinal);
            traits |= bare switch
            {
                "family" => QueryTraits.Family,
                "given" => QueryTraits.Given,
                "name" => QueryTraits.Family | QueryTraits.Given,
                "birthdate" => QueryTraits.BirthDate,
                "gender" => QueryTraits.Gender,
                "extension" => QueryTraits.Birthplace,
                "identifier" or "sourceIdentifier" => QueryTraits.Identifier,
                "telecom" or "address" => QueryTraits.Contact,
                _ => QueryTraits.None,
            };
        }

        return new QueryShape(traits, exact, 0, 0, 0);
    }

    // One request's entries are appended together, so they are consecutive and share request id, action and time.
    private static bool SameRequest(JournalEntry a, JournalEntry b) =>
        a.Action == b.Action && a.Time == b.Time && a.Request.RequestId == b.Request.RequestId && a.Request.Session == b.Request.Session
        && a.Actor.ProfessionalId == b.Actor.ProfessionalId;
}

/// <summary>A step-up asked of a session by another node, as its journaled refusal records it.</summary>
internal sealed record SharedStepUp(NationalId Professional, string Session, DateTimeOffset At, IReadOnlyList<string> Reasons);
