using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Detection;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>
/// GET /fhir/Patient/$ihe-pix (PIXm ITI-83): the identifiers of the same person in other domains.
/// Errors as the profile requires: unknown source domain 400, unknown identifier 404, unknown target domain 403.
/// A domain is an establishment's IPP system or an INS system; the INS is returned only for a qualified identity.
/// </summary>
internal static class PixmEndpoint
{
    public static async Task<IResult> QueryAsync(HttpContext http, VigieDbContext db, LiveDetection detection, CancellationToken ct)
    {
        var request = http.Request;
        foreach (var name in request.Query.Keys)
        {
            if (name is not ("sourceIdentifier" or "targetSystem" or "_format"))
            {
                return Outcomes.BadRequest($"unknown parameter for $ihe-pix; supported: sourceIdentifier, targetSystem");
            }
        }

        var sources = request.Query["sourceIdentifier"];
        if (sources.Count != 1)
        {
            return Outcomes.BadRequest("sourceIdentifier=system|value is required, once");
        }

        var source = TokenParameter.Parse(sources[0]);
        if (source.System is null || source.Value is null)
        {
            return Outcomes.BadRequest("sourceIdentifier needs both system and value (system|value)");
        }

        var domains = await db.Establishments.AsNoTracking().Select(e => e.IppSystem).ToListAsync(ct).ConfigureAwait(false);
        bool IsKnownDomain(string system) => domains.Contains(system, StringComparer.Ordinal) || InsNumber.KindOf(system) is not null;

        if (!IsKnownDomain(source.System))
        {
            return Outcomes.BadRequest("sourceIdentifier: the source domain (identifier system) is not known to this registry");
        }

        var targets = request.Query["targetSystem"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        if (targets.FirstOrDefault(t => !IsKnownDomain(t)) is not null)
        {
            return Outcomes.Forbidden("targetSystem: the target domain is not known to this registry");
        }

        var ids = await IdentifierLookup.FindIdentityIdsAsync(db, source.System, source.Value, ct).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            await http.JournalAsync(JournalAction.CrossReference, [], DisclosedData.None, JournalOutcome.NotFound, MinimisedQuery.Of(request.Query)).ConfigureAwait(false);
            return Outcomes.NotFound("sourceIdentifier: no patient with this identifier");
        }

        // A merged identity answers with the identifiers of the identity that replaced it.
        var id = ids[0];
        var row = await db.Identities.AsNoTracking().FirstAsync(i => i.Id == id, ct).ConfigureAwait(false);
        while (!row.Active && row.ReplacedById is { } next)
        {
            row = await db.Identities.AsNoTracking().FirstAsync(i => i.Id == next, ct).ConfigureAwait(false);
        }

        var identity = Vigie.Storage.Registry.IdentityRowMapping.ToDomain(row);
        var locals = await IdentityQueries.LocalsAsync(db, [row.Id], ct).ConfigureAwait(false);
        var all = new List<Identifier>();
        if (identity.Ins is { } ins && identity.Status == IdentityStatus.Qualified)
        {
            all.Add(new Identifier(ins.System, ins.Value));
        }

        all.AddRange((locals.GetValueOrDefault(row.Id) ?? []).Select(l => new Identifier(l.System, l.Value)));
        if (await detection.JudgeAsync(http, db, Vigie.Core.Access.AccessAction.CrossReference, QueryShapes.OfIdentifier(source.Value), [row.Id],
                Vigie.Core.Access.ContactCategories.None, null, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        // The answer tells which establishments know the patient, under which local ids: an identity disclosure.
        await http.JournalAsync(JournalAction.CrossReference, [row.Id], DisclosedData.Identity, query: MinimisedQuery.Of(request.Query)).ConfigureAwait(false);
        var result = new Parameters();
        foreach (var identifier in all.Where(i => i.System != source.System || i.Value != source.Value))
        {
            if (targets.Count == 0 || targets.Contains(identifier.System, StringComparer.Ordinal))
            {
                result.Parameter.Add(new Parameters.ParameterComponent { Name = "targetIdentifier", Value = identifier });
            }
        }

        result.Parameter.Add(new Parameters.ParameterComponent { Name = "targetId", Value = new ResourceReference("Patient/" + row.Id) });
        return new FhirResult(result, StatusCodes.Status200OK);
    }
}
