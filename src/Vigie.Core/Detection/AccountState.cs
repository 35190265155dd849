using Vigie.Core.Access;
using Vigie.Core.Identity;

namespace Vigie.Core.Detection;

/// <summary>One account: its learnt profile, its windows over all sessions, its sessions and its current day.</summary>
internal sealed class AccountState(NationalId professional)
{
    public NationalId Professional { get; } = professional;

    public readonly AccountProfile Profile = new();

    public readonly SlidingDistinct Window = new();

    public readonly Dictionary<string, SessionState> Sessions = new(StringComparer.Ordinal);

    public readonly DayStats Today = new();

    public readonly List<long> SessionSuspensions = [];

    /// <summary>Usual peaks per window for <see cref="ExpectedFor"/>, recomputed once a day or when the peer group changes.</summary>
    public readonly double[] Expected = new double[SlidingDistinct.WindowCount];

    public DateOnly Day;

    public bool HasDay;

    public long LastTicks = long.MinValue;

    public Role Role;

    public Finess Establishment;

    public (Finess, Role)? ExpectedFor;
}
