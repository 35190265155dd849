namespace Vigie.Core.Identity;

/// <summary>What one UTF-16 character of a raw name becomes under the INS rules.</summary>
internal enum NameCharKind
{
    /// <summary>Not allowed: digits, punctuation, control characters, other scripts, surrogates (emoji).</summary>
    Invalid = 0,
    /// <summary>One or two letters A-Z (two for a ligature).</summary>
    Letter,
    /// <summary>A space or any Unicode space separator (no-break space, thin space, ...).</summary>
    Space,
    /// <summary>A hyphen or a dash.</summary>
    Hyphen,
    /// <summary>An apostrophe, straight or typographic.</summary>
    Apostrophe,
    /// <summary>A comma: the list separator of given names on birth certificates since 1999.</summary>
    Comma,
    /// <summary>A combining (non-spacing) mark, dropped: the diacritic of an already decomposed letter.</summary>
    Mark,
}
