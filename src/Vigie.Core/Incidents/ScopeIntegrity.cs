namespace Vigie.Core.Incidents;

/// <summary>
/// What could make a scope less than exact, stated rather than hidden. All zero and false means the scope is
/// exactly what the journal holds for the window.
/// </summary>
/// <param name="Examined">Journal rows read to compute the scope.</param>
/// <param name="Unreadable">Rows in the window whose bytes do not decode: whether they were disclosures cannot be told.</param>
/// <param name="NotIntact">Scope entries whose hash, seal or index columns disagree with their bytes (tampering or corruption).</param>
/// <param name="WindowPredatesRetention">True when entries older than the window's start were pruned from the journal (past the retention period): the scope covers only what is still held.</param>
public sealed record ScopeIntegrity(int Examined, int Unreadable, int NotIntact, bool WindowPredatesRetention)
{
    /// <summary>True when nothing in the journal stood in the way of an exact scope.</summary>
    public bool Exact => Unreadable == 0 && NotIntact == 0 && !WindowPredatesRetention;
}
