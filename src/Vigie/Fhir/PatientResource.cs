using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Core.Access;
using Vigie.Core.Identity;

namespace Vigie.Fhir;

/// <summary>Builds the FHIR Patient the registry discloses for one regional identity.</summary>
internal static class PatientResource
{
    /// <param name="identity">The regional identity.</param>
    /// <param name="locals">Its linked local identifiers (IPP per establishment).</param>
    /// <param name="contact">Which contact categories are disclosed (least privilege decides; None in search and $match).</param>
    /// <param name="version">The stored version, the FHIR versionId.</param>
    /// <param name="lastUpdated">When it last changed.</param>
    public static Patient Build(RegionalIdentity identity, IEnumerable<LocalIdentifier> locals, ContactCategories contact, int version, DateTimeOffset lastUpdated)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var t = identity.Traits;
        var patient = new Patient
        {
            Id = identity.Id.Value,
            Meta = new Meta { VersionId = version.ToString(CultureInfo.InvariantCulture), LastUpdated = lastUpdated },
            Active = identity.Active,
            BirthDate = t.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = t.Sex switch
            {
                Sex.Female => AdministrativeGender.Female,
                Sex.Male => AdministrativeGender.Male,
                Sex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
        };

        // The INS travels only with a qualified identity: checked again here so no code path can leak it.
        if (identity.Ins is { } ins && identity.Status == IdentityStatus.Qualified)
        {
            patient.Identifier.Add(new Identifier(ins.System, ins.Value)
            {
                Use = Identifier.IdentifierUse.Official,
                Type = new CodeableConcept("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", ins.Kind == InsKind.Nia ? "INS-NIA" : "INS-NIR"),
            });
        }

        foreach (var local in locals)
        {
            patient.Identifier.Add(new Identifier(local.System, local.Value) { Use = Identifier.IdentifierUse.Usual });
        }

        var official = new HumanName { Use = HumanName.NameUse.Official, Family = t.BirthName, Given = t.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries) };
        patient.Name.Add(official);
        if (t.UsedName is not null)
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = t.UsedName, Given = [t.FirstGivenName] });
        }

        if (t.BirthplaceCode is not null)
        {
            var place = new Address();
            place.SetExtension(VigieExtensions.InseeCode, new Code(t.BirthplaceCode));
            patient.SetExtension(VigieExtensions.BirthPlace, place);
        }

        patient.SetExtension(VigieExtensions.IdentityStatus, new Code(identity.Status.ToCode()));
        foreach (var (flag, code) in new[] { (IdentityFlags.Doubtful, "doubtful"), (IdentityFlags.Fictitious, "fictitious"), (IdentityFlags.Homonym, "homonym") })
        {
            if (identity.Flags.HasFlag(flag))
            {
                patient.AddExtension(VigieExtensions.IdentityAttribute, new Code(code));
            }
        }

        if (identity.ReplacedBy is { } target)
        {
            patient.Link.Add(new Patient.LinkComponent { Other = new ResourceReference("Patient/" + target.Value), Type = Patient.LinkType.ReplacedBy });
        }

        if (contact.HasFlag(ContactCategories.Phone))
        {
            foreach (var phone in t.Phones)
            {
                patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
            }
        }

        if (contact.HasFlag(ContactCategories.Email))
        {
            foreach (var email in t.Emails)
            {
                patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
            }
        }

        if (contact.HasFlag(ContactCategories.Address) && t.Address is { } a)
        {
            patient.Address.Add(new Address { Line = a.Lines, PostalCode = a.PostalCode, City = a.City, Country = a.Country });
        }

        return patient;
    }
}
