using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Core;
using Vigie.Core.Identity;
using Vigie.Fhir;

namespace Vigie.Registry;

/// <summary>
/// The Patient given to $match is a partial description: any trait may be missing, but what is present is
/// checked and normalised exactly as for registration.
/// </summary>
internal static class MatchQueryMapping
{
    public static ParseResult<IdentityTraits> ToTraits(Patient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var birthName = "";
        var givenNames = "";
        var firstGiven = "";
        if (name?.Family is { Length: > 0 } family)
        {
            var parsed = NameNormalizer.Normalize(family);
            if (!parsed.Success)
            {
                return Fail("Patient.name.family: " + parsed.Error);
            }

            birthName = parsed.Value;
        }

        var givens = name?.Given.Where(g => !string.IsNullOrWhiteSpace(g)).ToList() ?? [];
        if (givens.Count > 0)
        {
            var all = NameNormalizer.NormalizeGivenNames(string.Join(' ', givens));
            var first = NameNormalizer.NormalizeFirstGivenName(givens[0]);
            if (!all.Success || !first.Success)
            {
                return Fail("Patient.name.given: " + (all.Error ?? first.Error));
            }

            (givenNames, firstGiven) = (all.Value, first.Value);
        }

        string? usedName = null;
        var usual = patient.Name.FirstOrDefault(n => n.Use is HumanName.NameUse.Usual or HumanName.NameUse.Maiden && n != name);
        if (usual?.Family is { Length: > 0 } usualFamily)
        {
            var parsed = NameNormalizer.Normalize(usualFamily);
            if (!parsed.Success)
            {
                return Fail("Patient.name.family: " + parsed.Error);
            }

            usedName = parsed.Value;
        }

        DateOnly? birthDate = null;
        if (patient.BirthDate is { } raw)
        {
            if (raw.Length != 10 || !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Fail("Patient.birthDate: a full date (YYYY-MM-DD) is needed for matching");
            }

            birthDate = date;
        }

        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            AdministrativeGender.Other => Sex.Other,
            _ => Sex.Unknown,
        };

        string? birthplace = null;
        var code = patient.GetExtensionValue<Address>(VigieExtensions.BirthPlace)?.GetExtensionValue<Code>(VigieExtensions.InseeCode)?.Value;
        if (code is not null)
        {
            var parsed = BirthplaceCode.Parse(code);
            if (!parsed.Success)
            {
                return Fail("birthplace: " + parsed.Error);
            }

            birthplace = parsed.Value;
        }

        var phones = patient.Telecom.Where(t => t.System is ContactPoint.ContactPointSystem.Phone or ContactPoint.ContactPointSystem.Sms && t.Value is not null)
            .Select(t => t.Value!).Take(PatientMapping.MaxTelecoms).ToList();
        var emails = patient.Telecom.Where(t => t.System == ContactPoint.ContactPointSystem.Email && t.Value is not null)
            .Select(t => t.Value!).Take(PatientMapping.MaxTelecoms).ToList();
        if (phones.Concat(emails).Any(v => v.Length > PatientMapping.MaxEmailLength || TextRules.HasControlCharacters(v)))
        {
            return Fail("Patient.telecom: values are too long or contain control characters");
        }

        if (birthName.Length == 0 && usedName is null && birthDate is null)
        {
            return Fail("Patient: give at least a family name or a birth date to match on");
        }

        return ParseResult<IdentityTraits>.Ok(new IdentityTraits(birthName, firstGiven, givenNames, birthDate, sex, birthplace, usedName, phones, emails, null));
    }

    private static ParseResult<IdentityTraits> Fail(string message) => ParseResult<IdentityTraits>.Fail(message);
}
