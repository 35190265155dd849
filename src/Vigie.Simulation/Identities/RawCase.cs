namespace Vigie.Simulation.Identities;

/// <summary>The letter case a desk's software or habit gives names.</summary>
internal enum RawCase
{
    /// <summary>As on the civil-status document: "Lefèvre".</summary>
    AsWritten,

    /// <summary>Upper case keeping accents: "LEFÈVRE".</summary>
    UpperAccented,

    /// <summary>Upper case without accents, as many hospital systems store names: "LEFEVRE".</summary>
    UpperPlain,

    /// <summary>All lower case: "lefèvre".</summary>
    Lower,
}
