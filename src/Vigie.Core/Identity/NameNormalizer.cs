namespace Vigie.Core.Identity;

/// <summary>INS name normalisation. CONTRACT: implemented by the identity work; signatures are fixed.</summary>
public static class NameNormalizer
{
    /// <summary>Normalises a birth or used name under the INS rules; fails on characters the rules do not allow.</summary>
    public static ParseResult<string> Normalize(string? raw) => throw new NotImplementedException();

    /// <summary>Normalises a list of given names (space-separated on the wire) under the INS rules.</summary>
    public static ParseResult<string> NormalizeGivenNames(string? raw) => throw new NotImplementedException();
}
