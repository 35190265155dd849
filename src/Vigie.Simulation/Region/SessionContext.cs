namespace Vigie.Simulation.Region;

/// <summary>A sign-in: its session id, where it comes from, with which browser, and when the user authenticated.</summary>
internal sealed record SessionContext(string Id, string Ip, string UserAgent, DateTimeOffset AuthenticatedAt);
