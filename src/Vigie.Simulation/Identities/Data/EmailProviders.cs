namespace Vigie.Simulation.Identities.Data;

/// <summary>Mail providers French patients give at admission, weighted by rough market share.</summary>
internal static class EmailProviders
{
    public static readonly (string Domain, int Weight)[] All =
    [
        ("gmail.com", 40), ("orange.fr", 18), ("hotmail.fr", 12), ("yahoo.fr", 7), ("free.fr", 6),
        ("laposte.net", 5), ("sfr.fr", 5), ("outlook.fr", 4), ("wanadoo.fr", 3), ("hotmail.com", 3),
        ("icloud.com", 2), ("live.fr", 2), ("neuf.fr", 1), ("aol.com", 1),
    ];
}
