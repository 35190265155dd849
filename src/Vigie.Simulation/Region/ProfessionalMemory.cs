using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>
/// What a professional carries from one day to the next: the patients of their ward or follow-up list (the same
/// patients come back day after day; a sixth or so change each day).
/// </summary>
internal sealed class ProfessionalMemory
{
    public List<int> Ward { get; } = [];

    public void Renew(IReadOnlyList<int> inCare, int size, SimRandom r)
    {
        if (inCare.Count == 0)
        {
            return;
        }

        for (var i = Ward.Count - 1; i >= 0; i--)
        {
            if (Ward.Count > size || r.Chance(0.15))
            {
                Ward.RemoveAt(i);
            }
        }

        while (Ward.Count < size)
        {
            Ward.Add(inCare[r.Next(inCare.Count)]);
        }
    }
}
