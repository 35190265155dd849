namespace Vigie.Simulation.Identities;

/// <summary>
/// Hands out INS order numbers 001, 002... per cell (sex, year and month, birthplace), as civil registers do,
/// so that no two synthetic persons share an INS. Random orders would collide by the thousand in a million
/// records (a Lille cell holds about 30 persons, the fullest 49). Used in stream order, on one thread.
/// A dense array of about 300,000 counters (600 KB): a dictionary was the slowest step of a million-record run.
/// </summary>
internal sealed class NirOrderAllocator
{
    private readonly short[] _lastOrder = new short[Nir.CellCount];

    public int Next(int cell)
    {
        var order = _lastOrder[cell] + 1;
        if (order > 999)
        {
            throw new InvalidOperationException(
                "999 synthetic persons share a sex, birth month and birthplace: INS order numbers are exhausted. "
                + "Generate fewer persons (about ten million stay far below this).");
        }

        _lastOrder[cell] = (short)order;
        return order;
    }
}
