using System.Linq.Expressions;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Storage.Registry;

/// <summary>
/// The candidates a registration batch may match: every active identity sharing a blocking key with any request
/// (loaded in one query per kind), plus the identities the batch itself creates, so that two duplicates arriving
/// in the same batch still find each other.
/// </summary>
internal sealed class CandidateIndex
{
    private readonly Dictionary<long, List<PatientId>> _byKey = [];
    private readonly Dictionary<PatientId, MatchRecord> _records = [];
    private readonly Dictionary<PatientId, string> _insOf = [];
    private readonly HashSet<PatientId> _seen = [];

    public Dictionary<(string, string), PatientId> ExistingLocals { get; } = [];

    public Dictionary<string, PatientId> ByIns { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Blocks larger than this are not used for registration candidates. Smaller than the duplicate scan's cap
    /// (1,000): a registration must cost the same at a million identities as at ten thousand, and the keys that
    /// grow past this size (family name + year, family name + initial) are the scan's recall net, not the
    /// registration's; a duplicate they alone would have found is queued by the nightly scan instead.
    /// </summary>
    public const int MaxBlockSize = 200;

    /// <summary>
    /// A candidate sharing a single rule's key is loaded only when that key's block is at most this size. A true
    /// duplicate shares keys of several rules (name + year, date + sex, given name + date...); a stranger who shares
    /// only "born the same day" or "same family name and initial" is not worth a row read. The size is fixed, not
    /// a share of the register, so that candidate reads per registration stop growing with the register: at 50,
    /// every date + sex block (about 15 strangers at a million identities) was read, and candidate rows went from
    /// 3 per registration at 50,000 identities to 8.5 at 100,000 and on linearly, the cost that sank registration
    /// at a million. The nightly full scan, which scores every block up to 1,000, catches what this skips.
    /// </summary>
    public const int SingleKeyBlockSize = 8;

    /// <summary>The columns a candidate is scored on, read from the database or taken from a chunk not yet committed.</summary>
    private static readonly Expression<Func<IdentityRow, IdentityRow>> CandidateColumns = i => new IdentityRow
    {
        Id = i.Id, BirthName = i.BirthName, FirstGivenName = i.FirstGivenName, GivenNames = i.GivenNames, BirthDate = i.BirthDate,
        Sex = i.Sex, BirthplaceCode = i.BirthplaceCode, UsedName = i.UsedName, Phones = i.Phones, Emails = i.Emails,
        Status = i.Status, InsKind = i.InsKind, InsValue = i.InsValue,
    };

    private static readonly Func<IdentityRow, IdentityRow> CandidateColumnsOf = CandidateColumns.Compile();

    /// <summary>
    /// Loads the candidates of <paramref name="requests"/> as the register stands once <paramref name="previous"/> (the
    /// rows of the chunk registered just before, when its commit may not be visible yet: pipelined registration) is
    /// written. The database may or may not already show that chunk (it commits on another connection while this one
    /// reads); every source is merged as a set (block members, ids read, local records, INS), so either way the
    /// candidates are the ones a sequential registration would load, in the same order.
    /// </summary>
    public static async Task<CandidateIndex> LoadAsync(VigieDbContext db, IReadOnlyList<RegistrationRequest> requests, PendingRows? previous, RegistrationPhases? phases, CancellationToken ct)
    {
        var time = System.Diagnostics.Stopwatch.GetTimestamp();
        var index = new CandidateIndex();
        var requestKeys = new long[requests.Count][];
        var keys = new HashSet<long>();
        for (var r = 0; r < requests.Count; r++)
        {
            requestKeys[r] = BlockingKeys.For(MatchRecord.From(requests[r].Traits));
            keys.UnionWith(requestKeys[r]);
        }

        var blocks = await LoadBlocksAsync(db, keys, previous, ct).ConfigureAwait(false);
        time = phases?.Add("blocks", time) ?? 0;
        phases?.Count("block members", blocks.Sum(b => (long)b.Value.Count));
        var wanted = SelectCandidates(requestKeys, blocks);
        var uncommitted = previous?.IdentitiesById();
        var toRead = uncommitted is null ? wanted : wanted.Where(id => !uncommitted.ContainsKey(id)).ToList();
        var rows = await db.Identities.AsNoTracking().Where(i => toRead.Contains(i.Id) && i.Active)
            .Select(CandidateColumns)
            .ToListAsync(ct).ConfigureAwait(false);
        if (uncommitted is not null)
        {
            rows.AddRange(wanted.Where(uncommitted.ContainsKey).Select(id => uncommitted[id]).Where(i => i.Active).Select(CandidateColumnsOf));
        }

        time = phases?.Add("candidate rows", time) ?? 0;
        phases?.Count("candidates", rows.Count);
        foreach (var row in rows)
        {
            var id = new PatientId(row.Id);
            index._records[id] = MatchRecord.From(row.ToDomain().Traits);
            if (row.InsValue is { } ins && row.Status == (int)IdentityStatus.Qualified)
            {
                index._insOf[id] = ins;
            }
        }

        time = phases?.Add("candidate records", time) ?? 0;
        foreach (var (key, members) in blocks)
        {
            foreach (var member in members)
            {
                var id = new PatientId(member);
                if (index._records.ContainsKey(id))
                {
                    index.Link(key, id);
                }
            }
        }

        await index.LoadLocalsAndInsAsync(db, requests, previous, ct).ConfigureAwait(false);
        phases?.Add("locals and INS", time);
        return index;
    }

    /// <summary>
    /// The usable blocks of <paramref name="keys"/> (at most <see cref="MaxBlockSize"/> members), in key order, each
    /// block's members in ordinal order: the order candidates are scored in, which decides between equal scores, so it
    /// must not depend on where a member was read from.
    /// </summary>
    private static async Task<Dictionary<long, List<string>>> LoadBlocksAsync(VigieDbContext db, HashSet<long> keys, PendingRows? previous, CancellationToken ct)
    {
        // One pass over the blocking-key index: each block comes back as one row with its members joined (group_concat /
        // string_agg). An oversized block (every MARTIN with initial J) comes back with its size only: its members are
        // never transferred, as their cost would grow with the register. It still comes back (rather than being dropped
        // by HAVING) so that a block the database shows as oversized is never mistaken for one that only the previous,
        // uncommitted chunk holds.
        var keyList = keys.ToList();
        var found = await db.BlockingKeys.AsNoTracking().Where(k => keyList.Contains(k.Key))
            .GroupBy(k => k.Key)
            .Select(g => new { g.Key, Members = g.Count() <= MaxBlockSize ? string.Join(",", g.Select(k => k.IdentityId)) : null })
            .ToListAsync(ct).ConfigureAwait(false);
        var members = new Dictionary<long, List<string>>(found.Count);
        var oversized = new HashSet<long>();
        foreach (var block in found)
        {
            if (block.Members is null)
            {
                oversized.Add(block.Key);
            }
            else
            {
                members[block.Key] = [.. block.Members.Split(',')];
            }
        }

        foreach (var row in previous?.Keys ?? [])
        {
            if (!keys.Contains(row.Key) || oversized.Contains(row.Key))
            {
                continue;
            }

            if (!members.TryGetValue(row.Key, out var list))
            {
                members[row.Key] = [row.IdentityId];
            }
            else if (!list.Contains(row.IdentityId, StringComparer.Ordinal))
            {
                list.Add(row.IdentityId); // not yet visible in the database: the previous chunk has not committed
            }
        }

        // Enumerated in insertion order (no removal), so in key order.
        var blocks = new Dictionary<long, List<string>>(members.Count);
        foreach (var key in members.Keys.Order())
        {
            var list = members[key];
            if (list.Count <= MaxBlockSize)
            {
                list.Sort(StringComparer.Ordinal);
                blocks[key] = list;
            }
        }

        return blocks;
    }

    private async Task LoadLocalsAndInsAsync(VigieDbContext db, IReadOnlyList<RegistrationRequest> requests, PendingRows? previous, CancellationToken ct)
    {
        // One query per establishment's system, each with that system's IPPs only. A single query with "system in
        // (...) and value in (...)" probes the (System, Value) index for every system × every value of the chunk
        // (12 × 1,000 probes on SQLite; on PostgreSQL a plan whose cost grew to 163 ms per chunk at a million).
        foreach (var bySystem in requests.GroupBy(r => r.Local.System, StringComparer.Ordinal))
        {
            var system = bySystem.Key;
            var values = bySystem.Select(r => r.Local.Value).Distinct(StringComparer.Ordinal).ToList();
            var locals = await db.LocalRecords.AsNoTracking().Where(l => l.System == system && values.Contains(l.Value))
                .Select(l => new { l.Value, l.IdentityId }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var l in locals)
            {
                ExistingLocals[(system, l.Value)] = new PatientId(l.IdentityId);
            }
        }

        var insValues = requests.Where(r => r.Ins is not null).Select(r => r.Ins!.Value.Value).Distinct().ToList();
        if (insValues.Count > 0)
        {
            var withIns = await db.Identities.AsNoTracking().Where(i => i.InsValue != null && insValues.Contains(i.InsValue) && i.Active)
                .Select(i => new { i.Id, i.InsValue }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var i in withIns)
            {
                ByIns[i.InsValue!] = new PatientId(i.Id);
            }
        }

        if (previous is null)
        {
            return;
        }

        // The previous chunk's rows, whether or not the database already shows them (the same values either way).
        var requested = requests.Select(r => (r.Local.System, r.Local.Value)).ToHashSet();
        foreach (var l in previous.Locals.Where(l => requested.Contains((l.System, l.Value))))
        {
            ExistingLocals[(l.System, l.Value)] = new PatientId(l.IdentityId);
        }

        var wantedIns = insValues.ToHashSet(StringComparer.Ordinal);
        foreach (var i in previous.Identities.Where(i => i.Active && i.InsValue is not null && wantedIns.Contains(i.InsValue)))
        {
            ByIns[i.InsValue!] = new PatientId(i.Id); // created after any other holder of the INS, so it wins as it would in the database's order
        }
    }

    /// <summary>
    /// Ids worth loading: sharing keys of two or more blocking rules with some request, or one rule's key of a block
    /// of at most <see cref="SingleKeyBlockSize"/>. Rules, not keys, are counted: a stranger born the same day shares
    /// both date + sex keys (the date and its day/month swap) and is still only one coincidence.
    /// </summary>
    private static List<string> SelectCandidates(long[][] requestKeys, Dictionary<long, List<string>> blocks)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var sharedRules = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var keys in requestKeys)
        {
            sharedRules.Clear();
            foreach (var key in keys)
            {
                if (!blocks.TryGetValue(key, out var members) || members.Count > MaxBlockSize)
                {
                    continue;
                }

                var rule = 1 << (int)BlockingKeys.RuleOf(key);
                var small = members.Count <= SingleKeyBlockSize;
                foreach (var member in members)
                {
                    var rules = sharedRules.GetValueOrDefault(member) | rule;
                    sharedRules[member] = rules;
                    if (small || BitOperations.PopCount((uint)rules) >= 2)
                    {
                        wanted.Add(member);
                    }
                }
            }
        }

        return [.. wanted];
    }

    /// <summary>The INS of a qualified candidate identity, if any.</summary>
    public string? InsOf(PatientId id) => _insOf.GetValueOrDefault(id);

    /// <summary>The distinct candidates sharing at least one of <paramref name="keys"/>.</summary>
    public IEnumerable<(PatientId Id, MatchRecord Record)> Candidates(long[] keys)
    {
        _seen.Clear();
        foreach (var key in keys)
        {
            if (!_byKey.TryGetValue(key, out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                if (_seen.Add(id))
                {
                    yield return (id, _records[id]);
                }
            }
        }
    }

    public void Add(PatientId id, MatchRecord record, long[] keys, InsNumber? ins)
    {
        _records[id] = record;
        foreach (var key in keys)
        {
            Link(key, id);
        }

        if (ins is { } number)
        {
            ByIns[number.Value] = id;
            _insOf[id] = number.Value;
        }
    }

    private void Link(long key, PatientId id)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            list = [];
            _byKey[key] = list;
        }

        list.Add(id);
    }
}
