using Hl7.Fhir.Model;
using Vigie.Auth;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// POST /fhir/Patient: registers an establishment's local record. Answers 201 when a regional identity is created,
/// 200 when the record was linked to an existing identity by a certain match or was already registered
/// (which also makes every create conditional on the local identifier, with or without If-None-Exist).
/// </summary>
internal static class PatientCreateEndpoint
{
    public static async Task<IResult> CreateAsync(HttpRequest request, VigieDbContext db, IdentityRegistration registration,
        VigieSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var body = await FhirBody.ReadAsync<Patient>(request, settings.MaxRequestBodyBytes, ct).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var establishments = await RegistrationInput.EstablishmentsBySystemAsync(db, ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var parsed = RegistrationInput.From(body.Resource!, today, establishments);
        if (!parsed.Success)
        {
            return Outcomes.Unprocessable(parsed.Error!);
        }

        // Least privilege: an establishment (its system account or its staff) registers its own patients only.
        if (!request.HttpContext.AccessPrincipal().WorksIn(new Vigie.Core.Identity.Finess(parsed.Value.Finess)))
        {
            await request.HttpContext.JournalAsync(JournalAction.Create, [], DisclosedData.None, JournalOutcome.DeniedByPolicy, "other-establishment").ConfigureAwait(false);
            return Outcomes.Forbidden("records are registered by their own establishment only (the identifier system names another establishment)");
        }

        var conditional = await ConditionalCreate.FindAsync(request, db, ct).ConfigureAwait(false);
        if (conditional.Error is not null)
        {
            return conditional.Error;
        }

        if (conditional.ExistingId is { } existingId)
        {
            return await RespondAsync(request.HttpContext, db, existingId, StatusCodes.Status200OK, "conditional-existing", ct).ConfigureAwait(false);
        }

        var outcome = (await registration.RegisterAsync([parsed.Value], ct).ConfigureAwait(false))[0];
        var status = outcome.Kind == RegistrationKind.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return await RespondAsync(request.HttpContext, db, outcome.Identity.Value, status, outcome.Kind switch
        {
            RegistrationKind.Created => "created",
            RegistrationKind.Linked => "linked",
            _ => "already-registered",
        }, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> RespondAsync(HttpContext http, VigieDbContext db, string id, int status, string how, CancellationToken ct)
    {
        // Journaled after the registration commits and before the answer: a journal outage then gives a 503 for a
        // record that exists, and the feeding system's retry (conditional create) finds it and journals it then.
        await http.JournalAsync(JournalAction.Create, [id], DisclosedData.Identity, query: how).ConfigureAwait(false);
        // The feeding system already holds the contact data it sent: the answer does not echo it back.
        var patient = await IdentityQueries.PatientAsync(db, id, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("registered identity vanished");
        var version = IdentityQueries.VersionOf(patient);
        return new FhirResult(patient, status, IdentityQueries.Location(id, version), IdentityQueries.ETag(version));
    }
}
