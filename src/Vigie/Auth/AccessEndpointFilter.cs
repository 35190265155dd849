using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Journal;

namespace Vigie.Auth;

/// <summary>
/// Declares an endpoint's <see cref="AccessAction"/> and checks it before the handler runs: the role (or account
/// kind) must allow it, and the sign-in must be strong and fresh enough (else a step-up challenge).
/// </summary>
internal static class AccessEndpointFilter
{
    /// <summary>Endpoint metadata naming the action; a test checks that every non-public endpoint has one.</summary>
    public sealed record AccessActionMetadata(AccessAction Action);

    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, AccessAction action)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AccessActionMetadata(action));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var principal = http.AccessPrincipalOrNull();
            if (principal is null)
            {
                return AccessResults.Unauthenticated();
            }

            var services = http.RequestServices;
            var policy = services.GetRequiredService<AuthSettings>().Policy;
            var decision = AccessRules.Authorize(policy, principal, action, services.GetRequiredService<TimeProvider>().GetUtcNow());
            return decision.IsAllowed ? await next(context).ConfigureAwait(false) : await http.DeniedAsync(JournalActionOf(action), decision).ConfigureAwait(false);
        });
        return builder;
    }

    /// <summary>The journal's name for an attempted action (a denial keeps the action and says so in its outcome).</summary>
    public static JournalAction JournalActionOf(AccessAction action) => action switch
    {
        AccessAction.Search => JournalAction.Search,
        AccessAction.Match => JournalAction.Match,
        AccessAction.Read => JournalAction.Read,
        AccessAction.Create or AccessAction.Batch => JournalAction.Create,
        AccessAction.Update => JournalAction.Update,
        AccessAction.CrossReference => JournalAction.CrossReference,
        AccessAction.Review or AccessAction.Audit => JournalAction.AuditQuery,
        AccessAction.Contain => JournalAction.Containment,
        _ => JournalAction.Administer,
    };
}
