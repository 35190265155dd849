using System.Runtime.CompilerServices;

// The tests check the generator's internal pieces (normaliser, typos, NIR) directly, not only through records.
[assembly: InternalsVisibleTo("Vigie.Simulation.Tests")]
