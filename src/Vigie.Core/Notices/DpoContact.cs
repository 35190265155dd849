namespace Vigie.Core.Notices;

/// <summary>How to reach the data protection officer: printed as text in every notice, never as a link.</summary>
/// <param name="Email">The DPO's email address.</param>
/// <param name="Phone">A phone number, or null.</param>
/// <param name="PostalLines">The postal address, one line per entry (may be empty).</param>
public sealed record DpoContact(string Email, string? Phone, IReadOnlyList<string> PostalLines);
