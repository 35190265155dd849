namespace Vigie.Core.Identity;

/// <summary>A postal address: contact data, disclosed only where the work needs it.</summary>
public sealed record PostalAddress(IReadOnlyList<string> Lines, string? PostalCode, string? City, string? Country)
{
    /// <inheritdoc />
    public bool Equals(PostalAddress? other) =>
        other is not null && Lines.SequenceEqual(other.Lines) && PostalCode == other.PostalCode && City == other.City && Country == other.Country;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lines.Count, PostalCode, City, Country);
}
