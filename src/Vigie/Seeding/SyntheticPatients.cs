using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Core.Identity;
using Vigie.Fhir;
using Vigie.Simulation.Identities;

namespace Vigie.Seeding;

/// <summary>
/// A generated record as the FHIR Patient its establishment would send: raw traits as typed at the desk
/// (accents, mixed case), the IPP under the establishment's system, status and INS.
/// </summary>
internal static class SyntheticPatients
{
    public static Patient ToFhir(GeneratedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var t = record.RawTraits;
        var patient = new Patient
        {
            Identifier = [new Identifier(record.Ipp.System, record.Ipp.Value)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = t.BirthName, Given = t.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries) }],
            BirthDate = t.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = t.Sex switch
            {
                Sex.Female => AdministrativeGender.Female,
                Sex.Male => AdministrativeGender.Male,
                _ => AdministrativeGender.Other,
            },
        };
        if (patient.Name[0].Given.FirstOrDefault() is null)
        {
            patient.Name[0].Given = [t.FirstGivenName];
        }

        if (t.UsedName is not null)
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = t.UsedName });
        }

        if (record.Ins is { } ins)
        {
            patient.Identifier.Add(new Identifier(ins.System, ins.Value));
        }

        patient.SetExtension(VigieExtensions.IdentityStatus, new Code(record.Status.ToCode()));
        if (t.BirthplaceCode is not null)
        {
            var place = new Address();
            place.SetExtension(VigieExtensions.InseeCode, new Code(t.BirthplaceCode));
            patient.SetExtension(VigieExtensions.BirthPlace, place);
        }

        patient.Telecom.AddRange(t.Phones.Select(p => new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, p)));
        patient.Telecom.AddRange(t.Emails.Select(e => new ContactPoint(ContactPoint.ContactPointSystem.Email, null, e)));
        if (t.Address is { } a)
        {
            patient.Address.Add(new Address { Line = a.Lines, PostalCode = a.PostalCode, City = a.City, Country = a.Country });
        }

        return patient;
    }
}
