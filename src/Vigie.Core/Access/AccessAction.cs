namespace Vigie.Core.Access;

/// <summary>What a request does, for the permission check. Every endpoint but the public metadata declares one.</summary>
public enum AccessAction
{
    /// <summary>PDQm search (GET /fhir/Patient).</summary>
    Search,

    /// <summary>$match.</summary>
    Match,

    /// <summary>Read one patient.</summary>
    Read,

    /// <summary>Register a local record (POST /fhir/Patient).</summary>
    Create,

    /// <summary>Correct an identity (PUT /fhir/Patient/{id}).</summary>
    Update,

    /// <summary>Batch Bundle of creates (first loads).</summary>
    Batch,

    /// <summary>PIXm cross-reference ($ihe-pix).</summary>
    CrossReference,

    /// <summary>Identity-vigilance administration: duplicate queue, merge, unmerge.</summary>
    Administer,

    /// <summary>Review of access: break-the-glass reads, contact disclosures.</summary>
    Review,

    /// <summary>Reading the access journal (AuditEvent search): security officers only.</summary>
    Audit,

    /// <summary>Suspending and releasing accounts and sessions, reading alerts: security officers only.</summary>
    Contain,
}
