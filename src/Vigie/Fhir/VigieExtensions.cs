namespace Vigie.Fhir;

/// <summary>
/// Extension URLs and code systems used on the wire. Standard ones where FHIR/IHE define them; Vigie's own
/// (under https://vigie.sante.fr/fhir/) for identitovigilance data that has no settled FR Core mapping yet.
/// </summary>
internal static class VigieExtensions
{
    /// <summary>Core extension: the patient's birthplace as an Address.</summary>
    public const string BirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

    /// <summary>On the birthplace Address: the INSEE code officiel géographique (valueCode, 5 characters).</summary>
    public const string InseeCode = "https://vigie.sante.fr/fhir/StructureDefinition/insee-code";

    /// <summary>Identity status PROV/VALI/RECUP/QUAL (valueCode).</summary>
    public const string IdentityStatus = "https://vigie.sante.fr/fhir/StructureDefinition/identity-status";

    /// <summary>Identity attribute, repeated: doubtful, fictitious, homonym (valueCode).</summary>
    public const string IdentityAttribute = "https://vigie.sante.fr/fhir/StructureDefinition/identity-attribute";

    /// <summary>IHE ITI-119 match grade on Bundle.entry.search.</summary>
    public const string MatchGrade = "http://hl7.org/fhir/StructureDefinition/match-grade";
}
