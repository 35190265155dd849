using Vigie.Storage.Detection;

namespace Vigie.Detection;

/// <summary>The JSON shape of an alert (API, webhook and dashboard).</summary>
internal sealed record AlertView(long Id, string Kind, string Professional, string? Session, DateTimeOffset At, IReadOnlyList<string> Reasons, string Level, bool Delivered)
{
    public static AlertView From(AlertRow a) =>
        new(a.Id, a.Kind, a.ProfessionalId, a.Session, a.At, a.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries), a.Level, a.DeliveredAt is not null);
}

/// <summary>The JSON shape of a containment.</summary>
internal sealed record ContainmentView(long Id, string Scope, string? Session, DateTimeOffset SuspendedAt, IReadOnlyList<string> Reasons, string SuspendedBy, bool Enforced, DateTimeOffset? ReleasedAt, string? ReleasedBy)
{
    public static ContainmentView From(ContainmentRow c) =>
        new(c.Id, c.Scope == 1 ? "account" : "session", c.Session, c.SuspendedAt, c.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries), c.SuspendedBy, c.Enforced, c.ReleasedAt, c.ReleasedBy);
}
