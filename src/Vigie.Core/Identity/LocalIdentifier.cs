namespace Vigie.Core.Identity;

/// <summary>
/// A local patient identifier (IPP) in an establishment's own identifier system,
/// e.g. system <c>urn:oid:1.2.250.1.71.4.2.7.590780193</c>, value <c>000123456</c>.
/// </summary>
public sealed record LocalIdentifier(string System, string Value)
{
    /// <summary>The <c>system|value</c> token form used by FHIR search and the duplicate report.</summary>
    public override string ToString() => System + "|" + Value;
}
