namespace Vigie.Core.Incidents;

/// <summary>A person or function to contact about an incident.</summary>
/// <param name="Name">Name or function.</param>
/// <param name="Email">Email address.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="Address">Postal address, on one line.</param>
public sealed record ContactPoint(string Name, string Email, string? Phone = null, string? Address = null);
