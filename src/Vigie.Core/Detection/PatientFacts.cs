using Vigie.Core.Identity;

namespace Vigie.Core.Detection;

/// <summary>What the engine needs to know about one patient: where they are in care, and whether they are a canary.</summary>
/// <param name="Canary">True for a planted canary identity: nobody has it in care, so any disclosure is an attack.</param>
/// <param name="Establishments">The establishments holding a local record of the patient (their care links).</param>
public readonly record struct PatientFacts(bool Canary, IReadOnlyList<Finess> Establishments)
{
    /// <summary>True when <paramref name="establishment"/> holds a record of the patient.</summary>
    public bool IsLinkedTo(Finess establishment)
    {
        var list = Establishments;
        if (list is null)
        {
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == establishment)
            {
                return true;
            }
        }

        return false;
    }
}
