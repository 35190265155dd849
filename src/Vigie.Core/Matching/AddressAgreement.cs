namespace Vigie.Core.Matching;

/// <summary>How two postal addresses agree, compared after <see cref="ContactNormalizer.AddressLine"/>.</summary>
public enum AddressAgreement
{
    /// <summary>Either side has no address: weight 0.</summary>
    Missing = 0,
    /// <summary>Different postal codes.</summary>
    Disagree = 1,
    /// <summary>Same postal code, different street lines: a move within the town, or neighbours.</summary>
    SamePostalCode = 2,
    /// <summary>Same street lines and postal code.</summary>
    Exact = 3,
}
