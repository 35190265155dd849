using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;

namespace Vigie.Detection;

/// <summary>
/// First check of every authenticated professional request, on every node: a suspended account or session gets a
/// 403 before any endpoint runs, and the refusal is journaled (DeniedByRisk). The table is read on each request (one
/// indexed lookup), so a suspension decided on one node holds on all of them for the very next request.
/// </summary>
internal static class ContainmentGate
{
    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var principal = http.AccessPrincipalOrNull();
        if (principal is null || principal.Kind != PrincipalKind.Professional)
        {
            await next().ConfigureAwait(false);
            return;
        }

        var db = http.RequestServices.GetRequiredService<VigieDbContext>();
        var session = http.RequestContext().Session;
        var active = await Containments.ActiveForAsync(db, principal.Subject, session, http.RequestAborted).ConfigureAwait(false);
        if (active is null)
        {
            await next().ConfigureAwait(false);
            return;
        }

        var action = http.GetEndpoint()?.Metadata.GetMetadata<AccessEndpointFilter.AccessActionMetadata>() is { } meta
            ? AccessEndpointFilter.JournalActionOf(meta.Action)
            : JournalAction.Administer;
        await http.JournalAsync(action, [], DisclosedData.None, JournalOutcome.DeniedByRisk, query: active.Session is null ? "account-suspended" : "session-suspended").ConfigureAwait(false);

        // The answer says what to do, not why: the reasons are for the security team, not for whoever holds the token.
        var message = active.Session is null
            ? "this account is suspended by the security team; contact your establishment's security officer"
            : "this session is suspended by the security team; sign in again or contact your establishment's security officer";
        await Outcomes.Forbidden(message).ExecuteAsync(http).ConfigureAwait(false);
    }
}
