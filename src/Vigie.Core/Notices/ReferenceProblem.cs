namespace Vigie.Core.Notices;

/// <summary>Why typed text is not a well-formed verification reference (shown to the person, never with their input).</summary>
public enum ReferenceProblem
{
    /// <summary>The text is a well-formed reference.</summary>
    None,

    /// <summary>Nothing was typed.</summary>
    Empty,

    /// <summary>Too few or too many characters.</summary>
    Length,

    /// <summary>A character outside the reference alphabet (letters and digits; U is never used).</summary>
    Character,

    /// <summary>The check character does not match: a typo.</summary>
    Check,
}
