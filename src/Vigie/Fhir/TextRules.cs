namespace Vigie.Fhir;

/// <summary>Character rules for free-text fields that are not names (names go through the INS normaliser).</summary>
internal static class TextRules
{
    /// <summary>C0/C1 controls and the Unicode line/paragraph separators: never legitimate in identity fields.</summary>
    public static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
