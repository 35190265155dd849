using Vigie.Core.Access;
using Vigie.Core.Identity;

namespace Vigie.Core.Detection;

/// <summary>
/// What the engine knows across accounts: peer groups, the networks establishments work from, networks tainted by a
/// containment, and the accounts ramping up (for the regional circuit breaker). None of it ever contains anyone: it
/// only lowers the evidence a step-up needs.
/// </summary>
internal sealed class RegionState
{
    private readonly Dictionary<(Finess, Role), PeerGroup> _peers = [];
    private readonly Dictionary<(ulong Subnet, Finess), HashSet<NationalId>> _subnetUsers = [];
    private readonly HashSet<(ulong Subnet, Finess)> _establishmentSubnets = [];
    private readonly HashSet<(ulong Block, Finess)> _establishmentBlocks = [];
    private readonly Dictionary<ulong, (long Until, NationalId By)> _tainted = [];
    private readonly Dictionary<NationalId, long> _ramping = [];

    /// <summary>The breaker stays tripped until then (ticks).</summary>
    public long BreakerUntil { get; private set; } = long.MinValue;

    public PeerGroup Peer(Finess establishment, Role role)
    {
        if (!_peers.TryGetValue((establishment, role), out var peer))
        {
            peer = new PeerGroup();
            _peers[(establishment, role)] = peer;
        }

        return peer;
    }

    /// <summary>Records that an account used a /24 on a clean day; with enough accounts it becomes the establishment's.</summary>
    public void LearnEstablishmentNetwork(Finess establishment, NationalId account, ulong subnet, ulong block, int accountsNeeded)
    {
        if (subnet == 0 || _establishmentSubnets.Contains((subnet, establishment)))
        {
            return;
        }

        if (!_subnetUsers.TryGetValue((subnet, establishment), out var users))
        {
            users = [];
            _subnetUsers[(subnet, establishment)] = users;
        }

        users.Add(account);
        if (users.Count >= accountsNeeded)
        {
            _establishmentSubnets.Add((subnet, establishment));
            _establishmentBlocks.Add((block, establishment));
            _subnetUsers.Remove((subnet, establishment));
        }
    }

    public bool IsEstablishmentSubnet(Finess establishment, ulong subnet) => _establishmentSubnets.Contains((subnet, establishment));

    public bool IsEstablishmentBlock(Finess establishment, ulong block) => _establishmentBlocks.Contains((block, establishment));

    public void Taint(ulong subnet, long until, NationalId by)
    {
        if (subnet != 0 && (!_tainted.TryGetValue(subnet, out var current) || current.Until < until))
        {
            _tainted[subnet] = (until, by);
        }
    }

    /// <summary>True when another account's contained session used this /24 recently.</summary>
    public bool IsTainted(ulong subnet, long now, NationalId account) =>
        subnet != 0 && _tainted.TryGetValue(subnet, out var taint) && taint.Until > now && taint.By != account;

    /// <summary>Marks an account as ramping up; true when this trips the breaker (it was not tripped).</summary>
    public bool MarkRamping(NationalId account, long now, long window, int accountsToTrip, long hold)
    {
        _ramping[account] = now;
        var count = 0;
        List<NationalId>? stale = null;
        foreach (var (key, at) in _ramping)
        {
            if (at > now - window)
            {
                count++;
            }
            else
            {
                (stale ??= []).Add(key);
            }
        }

        foreach (var key in stale ?? [])
        {
            _ramping.Remove(key);
        }

        if (count < accountsToTrip)
        {
            return false;
        }

        var wasTripped = BreakerUntil > now;
        BreakerUntil = Math.Max(BreakerUntil, now + hold);
        return !wasTripped;
    }

    /// <summary>A passed step-up shows the account was its owner: it no longer counts as ramping.</summary>
    public void Unmark(NationalId account) => _ramping.Remove(account);

    public bool BreakerTripped(long now) => BreakerUntil > now;
}
