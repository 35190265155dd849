namespace Vigie.Storage.Detection;

/// <summary>
/// A canary patient: a synthetic identity planted in an establishment, registered like any other (its identity row
/// looks like every other one), that nobody has in care. The flag lives only here, never on the identity row, so no
/// answer of the API can tell a canary apart. Its monitored contacts attribute a leak when they receive a message.
/// </summary>
public sealed class CanaryRow
{
    public required string IdentityId { get; set; }

    public required string Finess { get; set; }

    public DateTimeOffset PlantedAt { get; set; }

    /// <summary>A monitored address unique to this canary; mail to it means the identity leaked.</summary>
    public string? MonitoredEmail { get; set; }

    /// <summary>A monitored number unique to this canary.</summary>
    public string? MonitoredPhone { get; set; }
}
