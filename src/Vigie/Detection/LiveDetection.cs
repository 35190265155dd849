using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Detection;

namespace Vigie.Detection;

/// <summary>
/// The risk engine inside the request: judged after the endpoint knows which patients it would disclose and before
/// anything is journaled as disclosed or sent. Containment changes and alerts are stored (shared by every node)
/// before the answer; a refusal is journaled (DeniedByRisk) with its level and reasons.
/// </summary>
internal sealed class LiveDetection(RiskEngine engine, AuthSettings auth, TimeProvider clock)
{
    public RiskEngine Engine => engine;

    /// <summary>Null when the request may go on; otherwise the refusal to send.</summary>
    public async Task<IResult?> JudgeAsync(HttpContext http, VigieDbContext db, AccessAction action, QueryShape? query,
        IReadOnlyList<string> patients, ContactCategories categories, string? purpose, CancellationToken ct)
    {
        var principal = http.AccessPrincipal();
        if (principal.Kind != PrincipalKind.Professional || !NationalId.Parse(principal.Subject).Success || principal.Establishments.Count == 0)
        {
            return null; // Machine accounts feed and cross-reference; officers do not browse. Only professionals are judged.
        }

        var context = http.RequestContext();
        var professional = NationalId.Parse(principal.Subject).Value;
        var session = context.Session ?? "none";
        ForgetReleased(professional, session);

        var facts = await PatientFactsLoader.LoadAsync(db, patients, ct).ConfigureAwait(false);
        var request = new AccessEvent(clock.GetUtcNow(), professional, principal.Establishments[0], principal.Roles, session, context.ClientIp, context.UserAgent,
            action, query, [.. patients.Select(p => new PatientId(p))], categories, purpose, principal.Authentication.AuthTime);
        var decision = engine.Decide(request, facts);
        await StoreAsync(http, db, decision, ct).ConfigureAwait(false);
        if (decision.Discloses)
        {
            return null;
        }

        var level = LevelName(decision.Level);
        await http.JournalAsync(AccessEndpointFilter.JournalActionOf(action), [], DisclosedData.None, JournalOutcome.DeniedByRisk,
            query: level + ";" + string.Join(',', decision.Reasons)).ConfigureAwait(false);
        return decision.Level switch
        {
            RiskLevel.StepUp => AccessResults.StepUp(new AccessDecision(DecisionKind.StepUp, "risk.step-up",
                "unusual activity on this account: sign in again with your CPS card or e-CPS", new StepUpRequirement(auth.Policy.MinimumAcr, TimeSpan.Zero))),
            RiskLevel.Throttle => new Throttled(decision.RetryAfter ?? TimeSpan.FromMinutes(1)),
            RiskLevel.SuspendSession => Outcomes.Forbidden("this session is suspended by the security team; sign in again or contact your establishment's security officer"),
            _ => Outcomes.Forbidden("this account is suspended by the security team; contact your establishment's security officer"),
        };
    }

    /// <summary>
    /// The containment gate already found no active suspension in the shared table for this request; if this node's
    /// engine still holds one (released by an officer, possibly through another node), it is released here first.
    /// </summary>
    private void ForgetReleased(NationalId professional, string session)
    {
        if (engine.Options.ReportOnly)
        {
            return;
        }

        var status = engine.Status(professional);
        var now = clock.GetUtcNow();
        if (status.Account is not null)
        {
            engine.Apply(new ContainmentChange(ContainmentScope.Account, ContainmentAction.Release, professional, null, now, ["released"], "shared-store", true));
        }

        if (status.Sessions.Any(s => s.Session == session))
        {
            engine.Apply(new ContainmentChange(ContainmentScope.Session, ContainmentAction.Release, professional, session, now, ["released"], "shared-store", true));
        }
    }

    private static async Task StoreAsync(HttpContext http, VigieDbContext db, RiskDecision decision, CancellationToken ct)
    {
        if (decision.Changes.Count == 0 && decision.Alerts.Count == 0)
        {
            return;
        }

        var level = LevelName(decision.Level);
        var entries = decision.Changes.Select(c => HttpJournal.Entry(http, c.Action == ContainmentAction.Suspend ? JournalAction.Containment : JournalAction.ContainmentRelease,
            null, DisclosedData.None, query: $"{(c.Scope == ContainmentScope.Account ? "account" : "session")};by={c.By};enforced={c.Enforced};{string.Join(',', c.Reasons)}")).ToList();
        await http.JournalAsync(entries).ConfigureAwait(false);
        foreach (var change in decision.Changes.Where(c => c.Action == ContainmentAction.Suspend))
        {
            db.Containments.Add(new ContainmentRow
            {
                Scope = change.Scope == ContainmentScope.Account ? 1 : 0,
                ProfessionalId = change.Professional.Value,
                Session = change.Scope == ContainmentScope.Session ? change.Session : null,
                SuspendedAt = change.At,
                Reasons = AlertRows.Truncate(string.Join(',', change.Reasons)),
                SuspendedBy = change.By,
                Enforced = change.Enforced,
            });
        }

        foreach (var alert in decision.Alerts)
        {
            db.Alerts.Add(AlertRows.From(alert, level));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public static string LevelName(RiskLevel level) => level switch
    {
        RiskLevel.Allow => "allow",
        RiskLevel.StepUp => "step-up",
        RiskLevel.Throttle => "throttle",
        RiskLevel.SuspendSession => "suspend-session",
        _ => "suspend-account",
    };

    /// <summary>429 with Retry-After, as an OperationOutcome.</summary>
    private sealed class Throttled(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Outcomes.Error(StatusCodes.Status429TooManyRequests, Hl7.Fhir.Model.OperationOutcome.IssueType.Throttled,
                "too many patients consulted in a short time: slow down and retry later", null).ExecuteAsync(httpContext);
        }
    }
}
