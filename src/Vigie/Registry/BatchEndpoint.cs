using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Auth;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Hosting;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// POST /fhir with a batch (or transaction) Bundle of Patient creates, for first loads.
/// All or nothing: every entry is checked before anything is written, and all entries are registered in one
/// database transaction, so a bad entry or a failure leaves nothing half-written. (Stricter than FHIR batch
/// semantics on purpose: a partial first load is worse than a refused one.)
/// </summary>
internal static class BatchEndpoint
{
    public static async Task<IResult> PostAsync(HttpRequest request, HttpContext http, VigieDbContext db, IdentityRegistration registration,
        VigieSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var body = await FhirBody.ReadAsync<Bundle>(request, settings.MaxBatchBodyBytes, ct).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var bundle = body.Resource!;
        if (bundle.Type is not (Bundle.BundleType.Batch or Bundle.BundleType.Transaction))
        {
            return Outcomes.BadRequest("POST /fhir takes a Bundle of type batch or transaction", "Bundle.type");
        }

        if (bundle.Entry.Count > settings.MaxBatchEntries)
        {
            return Outcomes.Error(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly,
                $"at most {settings.MaxBatchEntries} entries per batch", "Bundle.entry");
        }

        var establishments = await RegistrationInput.EstablishmentsBySystemAsync(db, ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var requests = new List<RegistrationRequest>(bundle.Entry.Count);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            var where = $"Bundle.entry[{i}]";
            if (entry.Request?.Method != Bundle.HTTPVerb.POST || entry.Request.Url is not ("Patient" or "/Patient") || entry.Resource is not Patient patient)
            {
                return Outcomes.BadRequest($"{where}: only POST Patient entries are supported; nothing was written", where);
            }

            var parsed = RegistrationInput.From(patient, today, establishments);
            if (!parsed.Success)
            {
                return Outcomes.Unprocessable($"{where}: {parsed.Error}; nothing was written", where);
            }

            if (!http.AccessPrincipal().WorksIn(new Vigie.Core.Identity.Finess(parsed.Value.Finess)))
            {
                await http.JournalAsync(JournalAction.Create, [], DisclosedData.None, JournalOutcome.DeniedByPolicy, "batch;other-establishment").ConfigureAwait(false);
                return Outcomes.Forbidden($"{where}: records are registered by their own establishment only; nothing was written");
            }

            requests.Add(parsed.Value);
        }

        var outcomes = await registration.RegisterAsync(requests, ct).ConfigureAwait(false);

        // One Create entry per record, after the commit and before the answer. The answer names the regional
        // identity each record was linked to, never its traits.
        await http.JournalAsync(outcomes.Select(o => HttpJournal.Entry(http, JournalAction.Create, o.Identity.Value, DisclosedData.None, query: "batch")).ToList()).ConfigureAwait(false);
        var response = new Bundle { Type = bundle.Type == Bundle.BundleType.Batch ? Bundle.BundleType.BatchResponse : Bundle.BundleType.TransactionResponse };
        foreach (var outcome in outcomes)
        {
            response.Entry.Add(new Bundle.EntryComponent
            {
                Response = new Bundle.ResponseComponent
                {
                    Status = outcome.Kind == RegistrationKind.Created ? "201 Created" : "200 OK",
                    Location = "Patient/" + outcome.Identity.Value,
                    Outcome = Outcomes.Information(outcome.Kind switch
                    {
                        RegistrationKind.Created when outcome.QueuedForReview > 0 => string.Create(CultureInfo.InvariantCulture, $"created; {outcome.QueuedForReview} probable duplicate(s) queued for review"),
                        RegistrationKind.Created => "created",
                        RegistrationKind.Linked => "linked to an existing identity by a certain match",
                        _ => "already registered",
                    }),
                },
            });
        }

        return new FhirResult(response, StatusCodes.Status200OK);
    }
}
