using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Core;
using Vigie.Core.Identity;

namespace Vigie.Fhir;

/// <summary>
/// The one place where a FHIR Patient becomes Core identity values and back. Inbound, every field is checked
/// (lengths, control characters, INS rules) and names are normalised; the first problem found is reported.
/// </summary>
internal static class PatientMapping
{
    public const int MaxTelecoms = 5;
    public const int MaxPhoneLength = 30;
    public const int MaxEmailLength = 254;
    public const int MaxAddressLine = 100;
    public const int MaxIdentifierValue = 64;
    public const int MaxIdentifierSystem = 200;

    private static readonly DateOnly EarliestBirthDate = new(1880, 1, 1);

    public static ParseResult<PatientInput> ToInput(Patient patient, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var official = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official)
            ?? patient.Name.FirstOrDefault(n => n.Use is null);
        if (official is null)
        {
            return Fail("an official name (name.use = official) with the birth name and given names is required", "Patient.name");
        }

        var birthName = NameNormalizer.Normalize(official.Family);
        if (!birthName.Success)
        {
            return Fail("birth name: " + birthName.Error, "Patient.name.family");
        }

        var givens = official.Given.ToList();
        if (givens.Count == 0)
        {
            return Fail("at least one given name is required", "Patient.name.given");
        }

        var givenNames = NameNormalizer.NormalizeGivenNames(string.Join(' ', givens));
        if (!givenNames.Success)
        {
            return Fail("given names: " + givenNames.Error, "Patient.name.given");
        }

        var firstGiven = NameNormalizer.NormalizeFirstGivenName(givens[0]);
        if (!firstGiven.Success)
        {
            return Fail("first given name: " + firstGiven.Error, "Patient.name.given");
        }

        string? usedName = null;
        var usual = patient.Name.FirstOrDefault(n => n.Use is HumanName.NameUse.Usual or HumanName.NameUse.Maiden && n != official);
        if (usual?.Family is { Length: > 0 } usualFamily)
        {
            var used = NameNormalizer.Normalize(usualFamily);
            if (!used.Success)
            {
                return Fail("used name: " + used.Error, "Patient.name.family");
            }

            usedName = used.Value == birthName.Value ? null : used.Value;
        }

        var birthDate = ParseBirthDate(patient.BirthDate, today);
        if (!birthDate.Success)
        {
            return Fail(birthDate.Error!, "Patient.birthDate");
        }

        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            AdministrativeGender.Other => Sex.Other,
            _ => Sex.Unknown,
        };
        if (sex == Sex.Unknown)
        {
            return Fail("gender must be male, female or other (INS sex M, F or I)", "Patient.gender");
        }

        var birthplace = ReadBirthplace(patient);
        if (!birthplace.Success)
        {
            return Fail(birthplace.Error!, "Patient.extension");
        }

        var contact = ReadContact(patient);
        if (!contact.Success)
        {
            return Fail(contact.Error!, "Patient.telecom");
        }

        var (phones, emails, address) = contact.Value;
        var traits = new IdentityTraits(birthName.Value, firstGiven.Value, givenNames.Value, birthDate.Value, sex,
            birthplace.Value, usedName, phones, emails, address);

        var status = IdentityStatus.Provisional;
        var statusCode = patient.GetExtensionValue<Code>(VigieExtensions.IdentityStatus)?.Value;
        if (statusCode is not null)
        {
            var parsed = IdentityStatusCodes.Parse(statusCode);
            if (!parsed.Success)
            {
                return Fail(parsed.Error!, "Patient.extension");
            }

            status = parsed.Value;
        }

        var flags = IdentityFlags.None;
        foreach (var ext in patient.Extension.Where(e => e.Url == VigieExtensions.IdentityAttribute))
        {
            var flag = (ext.Value as Code)?.Value switch
            {
                "doubtful" => IdentityFlags.Doubtful,
                "fictitious" => IdentityFlags.Fictitious,
                "homonym" => IdentityFlags.Homonym,
                _ => (IdentityFlags?)null,
            };
            if (flag is null)
            {
                return Fail("identity attribute must be doubtful, fictitious or homonym", "Patient.extension");
            }

            flags |= flag.Value;
        }

        var identifiers = ReadIdentifiers(patient);
        if (!identifiers.Success)
        {
            return Fail(identifiers.Error!, "Patient.identifier");
        }

        var (ins, locals) = identifiers.Value;
        if (ins is not null && status != IdentityStatus.Qualified)
        {
            return Fail("an INS number is carried only by a qualified identity (status QUAL)", "Patient.identifier");
        }

        if (ins is null && status == IdentityStatus.Qualified)
        {
            return Fail("a qualified identity (QUAL) carries its INS number", "Patient.identifier");
        }

        return ParseResult<PatientInput>.Ok(new PatientInput(traits, status, flags, ins, locals));
    }

    public static ParseResult<DateOnly> ParseBirthDate(string? value, DateOnly today)
    {
        if (value is null || value.Length != 10
            || !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ParseResult<DateOnly>.Fail("a full birth date (YYYY-MM-DD) that exists in the calendar is required");
        }

        if (date > today || date < EarliestBirthDate)
        {
            return ParseResult<DateOnly>.Fail("the birth date is in the future or before 1880");
        }

        return ParseResult<DateOnly>.Ok(date);
    }

    private static ParseResult<string?> ReadBirthplace(Patient patient)
    {
        var place = patient.GetExtensionValue<Address>(VigieExtensions.BirthPlace);
        var code = place?.GetExtensionValue<Code>(VigieExtensions.InseeCode)?.Value;
        if (code is null)
        {
            return ParseResult<string?>.Ok(null);
        }

        var parsed = BirthplaceCode.Parse(code);
        return parsed.Success ? ParseResult<string?>.Ok(parsed.Value) : ParseResult<string?>.Fail("birthplace: " + parsed.Error);
    }

    private static ParseResult<(IReadOnlyList<string>, IReadOnlyList<string>, PostalAddress?)> ReadContact(Patient patient)
    {
        var phones = new List<string>();
        var emails = new List<string>();
        foreach (var telecom in patient.Telecom)
        {
            var value = telecom.Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (TextRules.HasControlCharacters(value))
            {
                return FailContact("telecom values must not contain control characters");
            }

            switch (telecom.System)
            {
                case ContactPoint.ContactPointSystem.Phone or ContactPoint.ContactPointSystem.Sms:
                    if (value.Length > MaxPhoneLength)
                    {
                        return FailContact($"a phone number has at most {MaxPhoneLength} characters");
                    }

                    phones.Add(value.Trim());
                    break;
                case ContactPoint.ContactPointSystem.Email:
                    if (value.Length > MaxEmailLength || !value.Contains('@', StringComparison.Ordinal))
                    {
                        return FailContact($"an email address contains '@' and has at most {MaxEmailLength} characters");
                    }

                    emails.Add(value.Trim());
                    break;
                default:
                    break; // Other telecom kinds (fax, pager, url) are not identity contact data: not stored.
            }
        }

        if (phones.Count > MaxTelecoms || emails.Count > MaxTelecoms)
        {
            return FailContact($"at most {MaxTelecoms} phone numbers and {MaxTelecoms} email addresses");
        }

        PostalAddress? address = null;
        var a = patient.Address.FirstOrDefault();
        if (a is not null)
        {
            var lines = a.Line.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).ToList();
            string?[] all = [.. lines, a.PostalCode, a.City, a.Country];
            if (lines.Count > 3 || all.Any(s => s is not null && (s.Length > MaxAddressLine || TextRules.HasControlCharacters(s))))
            {
                return FailContact($"an address has at most 3 lines of {MaxAddressLine} characters, without control characters");
            }

            address = new PostalAddress(lines, a.PostalCode?.Trim(), a.City?.Trim(), a.Country?.Trim());
        }

        return ParseResult<(IReadOnlyList<string>, IReadOnlyList<string>, PostalAddress?)>.Ok((phones, emails, address));
    }

    private static ParseResult<(IReadOnlyList<string>, IReadOnlyList<string>, PostalAddress?)> FailContact(string message) =>
        ParseResult<(IReadOnlyList<string>, IReadOnlyList<string>, PostalAddress?)>.Fail(message);

    private static ParseResult<(InsNumber?, IReadOnlyList<LocalIdentifier>)> ReadIdentifiers(Patient patient)
    {
        InsNumber? ins = null;
        var locals = new List<LocalIdentifier>();
        foreach (var identifier in patient.Identifier)
        {
            var (system, value) = (identifier.System, identifier.Value);
            if (string.IsNullOrEmpty(system) || string.IsNullOrEmpty(value))
            {
                return FailIds("every identifier has a system and a value");
            }

            if (system.Length > MaxIdentifierSystem || value.Length > MaxIdentifierValue
                || TextRules.HasControlCharacters(system) || TextRules.HasControlCharacters(value))
            {
                return FailIds($"identifier systems have at most {MaxIdentifierSystem} characters and values at most {MaxIdentifierValue}, without control characters");
            }

            if (InsNumber.KindOf(system) is { } kind)
            {
                var parsed = InsNumber.Parse(kind, value);
                if (!parsed.Success)
                {
                    return FailIds("INS: " + parsed.Error);
                }

                if (ins is not null)
                {
                    return FailIds("at most one INS number");
                }

                ins = parsed.Value;
            }
            else
            {
                locals.Add(new LocalIdentifier(system, value));
            }
        }

        return ParseResult<(InsNumber?, IReadOnlyList<LocalIdentifier>)>.Ok((ins, locals));
    }

    private static ParseResult<(InsNumber?, IReadOnlyList<LocalIdentifier>)> FailIds(string message) =>
        ParseResult<(InsNumber?, IReadOnlyList<LocalIdentifier>)>.Fail(message);

    private static ParseResult<PatientInput> Fail(string message, string expression) =>
        ParseResult<PatientInput>.Fail(expression + ": " + message);
}
