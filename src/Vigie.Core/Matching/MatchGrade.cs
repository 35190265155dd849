namespace Vigie.Core.Matching;

/// <summary>The grade of a match decision, as IHE ITI-119 names them.</summary>
public enum MatchGrade
{
    /// <summary>certainly-not: below the possible threshold.</summary>
    CertainlyNot = 0,
    /// <summary>possible: worth showing, not worth queueing.</summary>
    Possible = 1,
    /// <summary>probable: queued for a human; never merged automatically.</summary>
    Probable = 2,
    /// <summary>certain: safe to link automatically.</summary>
    Certain = 3,
}

/// <summary>A match decision: a probability in [0,1] and its grade.</summary>
public readonly record struct MatchScore(double Score, MatchGrade Grade);
