using Hl7.Fhir.Model;

namespace Vigie.Tests.Support;

/// <summary>Patient resources as an admission desk would send them.</summary>
public static class Patients
{
    public static Patient Make(string ipp, string family = "Dupont", string[]? given = null, string birthDate = "1980-05-17",
        AdministrativeGender gender = AdministrativeGender.Male, string? system = null, string? usedName = null)
    {
        var patient = new Patient
        {
            Identifier = [new Identifier(system ?? VigieTestServer.IppSystem, ipp)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = given ?? ["Jean", "Pierre"] }],
            BirthDate = birthDate,
            Gender = gender,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, "06 12 34 56 78"), new ContactPoint(ContactPoint.ContactPointSystem.Email, null, "jean.dupont@example.fr")],
            Address = [new Address { Line = ["1 rue de la Paix"], PostalCode = "59000", City = "Lille", Country = "FR" }],
        };
        if (usedName is not null)
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = usedName });
        }

        return patient;
    }

    public static OperationOutcome? Outcome(Hl7.Fhir.Model.Resource? resource) => resource as OperationOutcome;
}
