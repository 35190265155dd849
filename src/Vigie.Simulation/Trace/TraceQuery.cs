using System.Globalization;
using Vigie.Core.Detection;

namespace Vigie.Simulation.Trace;

/// <summary>
/// A search's or match's parameters as a trace line carries them (<c>"query": {"family": "DUPONT", ...}</c>). Only
/// its <see cref="Shape"/> reaches the engine.
/// </summary>
/// <param name="Family">Family name (or prefix).</param>
/// <param name="FamilyExact">True for <c>family:exact</c>.</param>
/// <param name="Given">Given name.</param>
/// <param name="GivenExact">True for <c>given:exact</c>.</param>
/// <param name="BirthDate">Birth date.</param>
/// <param name="Gender">male, female, other or unknown.</param>
/// <param name="Identifier">An identifier (IPP or INS).</param>
public sealed record TraceQuery(string? Family, bool FamilyExact, string? Given, bool GivenExact, DateOnly? BirthDate, string? Gender, string? Identifier)
{
    /// <summary>The minimised shape the engine judges.</summary>
    public QueryShape Shape => QueryShape.Of(Family, Given, BirthDate, Gender is not null, birthplace: false, Identifier, contact: false, FamilyExact || GivenExact);

    /// <summary>The trace's JSON keys and values, in a fixed order.</summary>
    public IEnumerable<(string Key, string Value)> Parameters()
    {
        if (Family is not null)
        {
            yield return (FamilyExact ? "family:exact" : "family", Family);
        }

        if (Given is not null)
        {
            yield return (GivenExact ? "given:exact" : "given", Given);
        }

        if (BirthDate is { } date)
        {
            yield return ("birthdate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Gender is not null)
        {
            yield return ("gender", Gender);
        }

        if (Identifier is not null)
        {
            yield return ("identifier", Identifier);
        }
    }
}
