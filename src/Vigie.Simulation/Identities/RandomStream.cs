namespace Vigie.Simulation.Identities;

/// <summary>
/// The independent random streams of one seed. Each draws its own sequence per item (person, block,
/// establishment), so adding draws to one never shifts another: a new trait does not reshuffle every IPP.
/// </summary>
internal enum RandomStream : ulong
{
    Person = 1,
    Homonym = 2,
    Block = 3,
    Establishments = 4,
    Records = 5,
    Ipp = 6,
}
