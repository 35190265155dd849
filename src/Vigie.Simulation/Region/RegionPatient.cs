using Vigie.Core.Identity;

namespace Vigie.Simulation.Region;

/// <summary>
/// One regional identity as the trace needs it: its id, the traits searches use, where it is in care (and its IPP
/// there), and whether it is a planted canary.
/// </summary>
public sealed record RegionPatient(
    string Id,
    string Family,
    string Given,
    DateOnly BirthDate,
    Sex Sex,
    IReadOnlyList<Finess> Establishments,
    IReadOnlyList<string> Ipps,
    bool Canary,
    string? UsedName = null,
    string? GivenNames = null)
{
    /// <summary>
    /// True when PDQm's <c>given</c> finds this patient: a given name that starts with <paramref name="given"/>, or
    /// that is it when <paramref name="exact"/> (the registry's <c>PatientSearch</c> rules).
    /// </summary>
    public bool HasGivenName(string given, bool exact)
    {
        ArgumentNullException.ThrowIfNull(given);
        foreach (var name in (GivenNames ?? Given).Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(Given))
        {
            if (exact ? name == given : name.StartsWith(given, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The patient's IPP in <paramref name="establishment"/>, or null when not in care there.</summary>
    public string? IppIn(Finess establishment)
    {
        for (var i = 0; i < Establishments.Count; i++)
        {
            if (Establishments[i] == establishment)
            {
                return Ipps[i];
            }
        }

        return null;
    }
}
