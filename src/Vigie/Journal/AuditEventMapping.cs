using Hl7.Fhir.Model;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>
/// A journal entry as an IHE BALP AuditEvent (FHIR R4): one AuditEvent per entry, hence per patient. The id is
/// the entry's sequence number in the Merkle log, so an AuditEvent can be checked against an inclusion proof.
/// </summary>
internal static class AuditEventMapping
{
    private const string Balp = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    private const string Dcm = "http://dicom.nema.org/resources/ontology/DCM";
    private const string RestInteraction = "http://hl7.org/fhir/restful-interaction";
    private const string EventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private const string ObjectType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    private const string EntityTypeBalp = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
    private const string NationalIdSystem = "urn:oid:1.2.250.1.71.4.2.1";
    private const string FinessSystem = "urn:oid:1.2.250.1.71.4.2.2";

    /// <summary>Our extension on the patient entity: the data categories sent (identity, phone, email, address).</summary>
    public const string DisclosedExtension = "https://vigie.sante.fr/fhir/StructureDefinition/disclosed-data";

    /// <summary>Our extension on the AuditEvent: false when the stored row no longer matches its seal.</summary>
    public const string IntactExtension = "https://vigie.sante.fr/fhir/StructureDefinition/journal-entry-intact";

    public static AuditEvent ToAuditEvent(JournalRecord record, string observer)
    {
        var e = record.Entry;
        var audit = new AuditEvent
        {
            Id = "j-" + record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Meta = new Meta { Profile = [Balp + Profile(e.Action)] },
            Type = Type(e.Action),
            Action = ActionCode(e.Action),
            Recorded = e.Time,
            Outcome = Outcome(e.Outcome),
            OutcomeDesc = e.Outcome == JournalOutcome.Success ? null : e.Outcome.ToString(),
            Source = new AuditEvent.SourceComponent
            {
                Observer = new ResourceReference { Display = observer },
                Type = [new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server")],
            },
        };
        if (Subtype(e.Action) is { } subtype)
        {
            audit.Subtype.Add(subtype);
        }

        if (!record.Intact)
        {
            audit.SetExtension(IntactExtension, new FhirBoolean(false));
        }

        audit.Agent.Add(UserAgent(e));
        audit.Agent.Add(new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(Dcm, "110153", "Source Role ID"),
            Requestor = false,
            Who = new ResourceReference { Display = observer },
        });
        if (e.Patient is { } patient)
        {
            var entity = new AuditEvent.EntityComponent
            {
                What = new ResourceReference("Patient/" + patient.Value),
                Type = new Coding(ObjectType, "1", "Person"),
                Role = new Coding(ObjectRole, "1", "Patient"),
            };
            if (e.Disclosed != DisclosedData.None)
            {
                foreach (var category in Categories(e.Disclosed))
                {
                    entity.Extension.Add(new Extension(DisclosedExtension, new Code(category)));
                }
            }

            audit.Entity.Add(entity);
        }

        if (e.Query is { Length: > 0 } query)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                Type = new Coding(ObjectType, "2", "System Object"),
                Role = new Coding(ObjectRole, "24", "Query"),
                Description = query,
            });
        }

        if (e.Request.RequestId is { } requestId)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = new ResourceReference { Identifier = new Identifier(null, requestId) },
                Type = new Coding(EntityTypeBalp, "XrequestId", "X-Request-Id"),
            });
        }

        return audit;
    }

    private static AuditEvent.AgentComponent UserAgent(JournalEntry e)
    {
        var agent = new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
            Requestor = true,
            Who = e.Actor.ProfessionalId is { } id ? new ResourceReference { Identifier = new Identifier(NationalIdSystem, id) } : null,
            Network = e.Request.ClientIp is { } ip ? new AuditEvent.NetworkComponent { Address = ip, Type = AuditEvent.AuditEventAgentNetworkType.N2 } : null,
        };
        if (e.Actor.Role is { Length: > 0 } role)
        {
            agent.Role.Add(new CodeableConcept("https://vigie.sante.fr/fhir/CodeSystem/role", role));
        }

        if (e.Actor.Establishment is { Length: > 0 } establishments)
        {
            agent.Location = new ResourceReference { Identifier = new Identifier(FinessSystem, establishments) };
        }

        if (e.Request.Session is { } session)
        {
            agent.Policy = ["session:" + session];
        }

        if (e.Request.UserAgent is { } ua)
        {
            agent.AltId = ua;
        }

        if (e.Purpose is { Length: > 0 } purpose)
        {
            var code = purpose.Split(':', 2)[0].Trim();
            agent.PurposeOfUse.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActReason", code, purpose));
        }

        return agent;
    }

    private static IEnumerable<string> Categories(DisclosedData d) =>
        new (DisclosedData Flag, string Code)[] { (DisclosedData.Identity, "identity"), (DisclosedData.Phone, "phone"), (DisclosedData.Email, "email"), (DisclosedData.Address, "address") }
            .Where(c => d.HasFlag(c.Flag)).Select(c => c.Code);

    private static string Profile(JournalAction action) => action switch
    {
        JournalAction.Read or JournalAction.ContactDisclosure => "IHE.BasicAudit.PatientRead",
        JournalAction.Search or JournalAction.Match or JournalAction.CrossReference or JournalAction.DuplicateReview => "IHE.BasicAudit.PatientQuery",
        JournalAction.Create => "IHE.BasicAudit.PatientCreate",
        JournalAction.Update or JournalAction.Merge or JournalAction.Unmerge => "IHE.BasicAudit.PatientUpdate",
        JournalAction.SignIn or JournalAction.StepUp => "IHE.BasicAudit.SAMLaccessTokenUse.Minimal",
        _ => "IHE.BasicAudit",
    };

    private static Coding Type(JournalAction action) => action switch
    {
        JournalAction.SignIn or JournalAction.StepUp => new Coding(Dcm, "110114", "User Authentication"),
        JournalAction.Search or JournalAction.Match or JournalAction.CrossReference or JournalAction.DuplicateReview => new Coding(Dcm, "110112", "Query"),
        JournalAction.AuditQuery or JournalAction.AuditExport or JournalAction.RetentionPrune => new Coding(Dcm, "110101", "Audit Log Used"),
        JournalAction.Containment or JournalAction.ContainmentRelease or JournalAction.Administer => new Coding(Dcm, "110113", "Security Alert"),
        _ => new Coding(EventType, "rest", "Restful Operation"),
    };

    private static Coding? Subtype(JournalAction action) => action switch
    {
        JournalAction.Read or JournalAction.ContactDisclosure => new Coding(RestInteraction, "read"),
        JournalAction.Search => new Coding(RestInteraction, "search-type"),
        JournalAction.Match or JournalAction.CrossReference => new Coding(RestInteraction, "operation"),
        JournalAction.Create => new Coding(RestInteraction, "create"),
        JournalAction.Update or JournalAction.Merge or JournalAction.Unmerge => new Coding(RestInteraction, "update"),
        _ => null,
    };

    private static AuditEvent.AuditEventAction ActionCode(JournalAction action) => action switch
    {
        JournalAction.Read or JournalAction.ContactDisclosure => AuditEvent.AuditEventAction.R,
        JournalAction.Create => AuditEvent.AuditEventAction.C,
        JournalAction.Update or JournalAction.Merge or JournalAction.Unmerge => AuditEvent.AuditEventAction.U,
        JournalAction.RetentionPrune => AuditEvent.AuditEventAction.D,
        _ => AuditEvent.AuditEventAction.E,
    };

    private static AuditEvent.AuditEventOutcome Outcome(JournalOutcome outcome) => outcome switch
    {
        JournalOutcome.Success => AuditEvent.AuditEventOutcome.N0,
        JournalOutcome.NotFound or JournalOutcome.DeniedByPolicy or JournalOutcome.DeniedByRisk => AuditEvent.AuditEventOutcome.N4,
        _ => AuditEvent.AuditEventOutcome.N8,
    };
}
