using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// A synthetic care establishment of the region: its FINESS number, a name, and the identifier system of its
/// local patient identifiers (IPP), an OID under the FINESS-based arc.
/// </summary>
/// <param name="Finess">A valid FINESS number (Luhn check digit) in a département of the region.</param>
/// <param name="Name">A display name such as "Centre hospitalier de Roubaix".</param>
/// <param name="IppSystem">The IPP system, <c>urn:oid:1.2.250.1.71.4.2.7.{finess}</c>.</param>
public sealed record Establishment(Finess Finess, string Name, string IppSystem);
