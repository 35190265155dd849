using Vigie.Core.Access;

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
            return decision.IsAllowed ? await next(context).ConfigureAwait(false) : AccessResults.From(decision);
        });
        return builder;
    }
}
