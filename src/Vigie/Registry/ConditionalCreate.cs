using Vigie.Fhir;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>If-None-Exist on create: only <c>identifier=system|value</c> is supported (INS or IPP).</summary>
internal static class ConditionalCreate
{
    public readonly record struct Lookup(string? ExistingId, FhirResult? Error);

    public static async Task<Lookup> FindAsync(HttpRequest request, VigieDbContext db, CancellationToken ct)
    {
        var header = request.Headers["If-None-Exist"].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return default;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(header.StartsWith('?') ? header : "?" + header);
        if (query.Count != 1 || !query.TryGetValue("identifier", out var values) || values.Count != 1)
        {
            return new(null, Outcomes.BadRequest("If-None-Exist supports exactly one parameter: identifier=system|value"));
        }

        var token = TokenParameter.Parse(values[0]);
        if (token.System is null || token.Value is null)
        {
            return new(null, Outcomes.BadRequest("If-None-Exist: the identifier needs both system and value (system|value)"));
        }

        var ids = await IdentifierLookup.FindIdentityIdsAsync(db, token.System, token.Value, ct).ConfigureAwait(false);
        return ids.Count switch
        {
            0 => default,
            1 => new(ids[0], null),
            _ => new(null, Outcomes.PreconditionFailed("If-None-Exist matches more than one Patient")),
        };
    }
}
