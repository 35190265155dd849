using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core;
using Vigie.Fhir;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// Turns a submitted Patient into a <see cref="RegistrationRequest"/>: checked traits, and exactly one local
/// identifier (IPP) under the identifier system of a known establishment, which names the source.
/// </summary>
internal static class RegistrationInput
{
    public static async Task<Dictionary<string, string>> EstablishmentsBySystemAsync(VigieDbContext db, CancellationToken ct) =>
        await db.Establishments.AsNoTracking().ToDictionaryAsync(e => e.IppSystem, e => e.Finess, StringComparer.Ordinal, ct).ConfigureAwait(false);

    public static ParseResult<RegistrationRequest> From(Patient patient, DateOnly today, IReadOnlyDictionary<string, string> establishmentsBySystem)
    {
        var input = PatientMapping.ToInput(patient, today);
        if (!input.Success)
        {
            return ParseResult<RegistrationRequest>.Fail(input.Error!);
        }

        var locals = input.Value.LocalIdentifiers;
        var known = locals.Where(l => establishmentsBySystem.ContainsKey(l.System)).ToList();
        if (known.Count != 1 || locals.Count != 1)
        {
            return ParseResult<RegistrationRequest>.Fail(
                "Patient.identifier: exactly one local identifier (IPP) under the identifier system of a registered establishment is required");
        }

        var v = input.Value;
        return ParseResult<RegistrationRequest>.Ok(new RegistrationRequest(establishmentsBySystem[known[0].System], known[0], v.Traits, v.Status, v.Flags, v.Ins));
    }
}
