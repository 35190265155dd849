using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Registry;

/// <summary>
/// Registers local records: link automatically only on a certain match (or the same INS), queue probable
/// matches for a human, never merge. Works a batch at a time inside one transaction, so a failed batch leaves
/// nothing half-written, and candidate retrieval costs one query per batch rather than one per record.
/// </summary>
/// <param name="db">The context whose connection and transaction are used.</param>
/// <param name="clock">Registration times.</param>
/// <param name="newId">Regional id generator.</param>
/// <param name="model">The match model to use for the next chunk: its prior depends on the register's size, which grows during an import.</param>
/// <param name="thresholds">Grade thresholds.</param>
public sealed class IdentityRegistration(VigieDbContext db, TimeProvider clock, Func<PatientId> newId, Func<MatchModel> model, MatchThresholds thresholds)
{
    /// <summary>When set, each phase's time is added to it (benchmarks); null in the server.</summary>
    public RegistrationPhases? Phases { get; init; }

    /// <summary>
    /// When set (SQLite), <see cref="RegisterAsync"/> commits without checkpointing and leaves the checkpoint to this
    /// shared background runner. A chunk of 1,000 registrations dirties about 16,000 pages scattered over a million-
    /// identity register (random ids and blocking keys in every index), so SQLite's automatic checkpoint, which runs
    /// inside the commit that takes the WAL past 1,000 pages, copied and fsynced all of them on every chunk's commit.
    /// </summary>
    public WalCheckpoints? Checkpoints { get; init; }

    /// <summary>
    /// The WAL size (frames of one page) past which a registration waits for the checkpoints to catch up before it
    /// starts, so that SQLite can restart the WAL (<see cref="WalCheckpoints.RestartLogIfOverAsync"/>): 1 GiB of 4 KiB
    /// pages, about 17 chunks of 1,000 at a million identities, so the wait (one checkpoint) is rare.
    /// </summary>
    public const long MaxWalFrames = 262_144;

    /// <summary>Registers the batch atomically. Requests must name known establishments (checked by the caller).</summary>
    public async Task<IReadOnlyList<RegistrationOutcome>> RegisterAsync(IReadOnlyList<RegistrationRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var setup = Stopwatch.GetTimestamp();
            if (Checkpoints is not null)
            {
                await Checkpoints.RestartLogIfOverAsync(MaxWalFrames).ConfigureAwait(false);
                Phases?.Add("WAL restart", setup);
                setup = Stopwatch.GetTimestamp();
                await WalCheckpoints.DeferOnAsync(db, ct).ConfigureAwait(false);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            Phases?.Add("setup", setup);
            var outcomes = await RegisterChunkAsync(requests, ct).ConfigureAwait(false);
            var commit = Stopwatch.GetTimestamp();
            await tx.CommitAsync(ct).ConfigureAwait(false);
            Phases?.Add("commit", commit);
            Checkpoints?.AfterCommit(db);
            return outcomes;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers one chunk inside the caller's open transaction (an import makes the whole file one transaction,
    /// chunk by chunk, so memory stays flat and a failure anywhere rolls everything back).
    /// </summary>
    public async Task<IReadOnlyList<RegistrationOutcome>> RegisterChunkAsync(IReadOnlyList<RegistrationRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var pending = new PendingRows();
        var outcomes = await PlanAsync(db, requests, null, pending, ct).ConfigureAwait(false);
        await WriteAsync(pending, ct).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>
    /// Plans a chunk on <paramref name="reader"/> (another connection than the writer's, in a pipeline) as the register
    /// will stand once <paramref name="previous"/>, the chunk planned just before and perhaps not yet committed, is
    /// written. Writes nothing.
    /// </summary>
    internal async Task<(IReadOnlyList<RegistrationOutcome> Outcomes, PendingRows Rows)> PlanOnAsync(VigieDbContext reader, IReadOnlyList<RegistrationRequest> requests, PendingRows? previous, CancellationToken ct)
    {
        var pending = new PendingRows();
        var outcomes = await PlanAsync(reader, requests, previous, pending, ct).ConfigureAwait(false);
        return (outcomes, pending);
    }

    /// <summary>Writes a planned chunk in its own transaction on this registration's context and commits it.</summary>
    internal async Task CommitAsync(PendingRows pending, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            var setup = Stopwatch.GetTimestamp();
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            Phases?.Add("setup", setup);
            await WriteAsync(pending, ct).ConfigureAwait(false);
            var commit = Stopwatch.GetTimestamp();
            await tx.CommitAsync(ct).ConfigureAwait(false);
            Phases?.Add("commit", commit);
            Checkpoints?.AfterCommit(db);
        }).ConfigureAwait(false);
    }

    private async Task WriteAsync(PendingRows pending, CancellationToken ct)
    {
        var writing = Stopwatch.GetTimestamp();
        await pending.WriteAsync(db, ct).ConfigureAwait(false);
        Phases?.Add("write", writing);
    }

    /// <summary>Decides every request in memory (candidates loaded once) and collects the rows to write.</summary>
    private async Task<IReadOnlyList<RegistrationOutcome>> PlanAsync(VigieDbContext reader, IReadOnlyList<RegistrationRequest> requests, PendingRows? previous, PendingRows pending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await CandidateIndex.LoadAsync(reader, requests, previous, Phases, ct).ConfigureAwait(false);
        var scoring = Stopwatch.GetTimestamp();
        var chunkModel = model();
        var outcomes = new List<RegistrationOutcome>(requests.Count);
        var seenLocals = new Dictionary<(string, string), PatientId>();
        foreach (var request in requests)
        {
            var localKey = (request.Local.System, request.Local.Value);
            if (seenLocals.TryGetValue(localKey, out var earlier) || candidates.ExistingLocals.TryGetValue(localKey, out earlier))
            {
                outcomes.Add(new RegistrationOutcome(RegistrationKind.AlreadyRegistered, earlier, null, 0));
                continue;
            }

            var record = MatchRecord.From(request.Traits);
            var keys = BlockingKeys.For(record).ToArray();
            var (best, bestScore, probable) = FindMatches(chunkModel, request, record, keys, candidates);

            RegistrationOutcome outcome;
            if (best is { } target)
            {
                outcome = new RegistrationOutcome(RegistrationKind.Linked, target, bestScore.Score, 0);
                pending.Locals.Add(LocalRow(request, target, linked: true, bestScore.Score, now));
            }
            else
            {
                var id = newId();
                var row = new IdentityRow { Id = id.Value, BirthName = "", FirstGivenName = "", GivenNames = "", CreatedAt = now, UpdatedAt = now };
                row.Apply(request.Traits, request.Status, request.Flags, request.Ins);
                pending.Identities.Add(row);
                foreach (var key in keys.Distinct())
                {
                    pending.Keys.Add(new BlockingKeyRow { Key = key, IdentityId = id.Value });
                }

                pending.Locals.Add(LocalRow(request, id, linked: false, null, now));
                candidates.Add(id, record, keys, request.Ins);
                foreach (var (other, score) in probable)
                {
                    pending.Candidates.Add(ReviewRow(id, other, score, now));
                }

                outcome = new RegistrationOutcome(RegistrationKind.Created, id, null, probable.Count);
            }

            seenLocals[localKey] = outcome.Identity;
            outcomes.Add(outcome);
        }

        Phases?.Add("score", scoring);
        return outcomes;
    }

    private (PatientId? Best, MatchScore BestScore, List<(PatientId, MatchScore)> Probable) FindMatches(
        MatchModel model, RegistrationRequest request, MatchRecord record, long[] keys, CandidateIndex candidates)
    {
        var probable = new List<(PatientId, MatchScore)>();

        // The same INS is the same person: the INS is the national identifier, certain by definition.
        if (request.Ins is { } ins && candidates.ByIns.TryGetValue(ins.Value, out var sameIns))
        {
            return (sameIns, new MatchScore(1.0, MatchGrade.Certain), probable);
        }

        PatientId? best = null;
        var bestScore = new MatchScore(0, MatchGrade.CertainlyNot);
        foreach (var (id, other) in candidates.Candidates(keys))
        {
            // Two different INS numbers are two different persons, however alike their traits (true homonyms).
            if (request.Ins is { } ownIns && candidates.InsOf(id) is { } otherIns && otherIns != ownIns.Value)
            {
                continue;
            }

            var score = MatchScorer.Score(model, record, other, thresholds);
            if (score.Grade == MatchGrade.Certain && score.Score > bestScore.Score)
            {
                best = id;
                bestScore = score;
            }
            else if (score.Grade >= MatchGrade.Probable)
            {
                probable.Add((id, score));
            }
        }

        return (best, bestScore, probable);
    }

    private static LocalRecordRow LocalRow(RegistrationRequest request, PatientId identity, bool linked, double? score, DateTimeOffset now) =>
        new()
        {
            System = request.Local.System,
            Value = request.Local.Value,
            Finess = request.Finess,
            IdentityId = identity.Value,
            LinkedAutomatically = linked,
            LinkScore = score,
            BirthName = request.Traits.BirthName,
            FirstGivenName = request.Traits.FirstGivenName,
            BirthDate = request.Traits.BirthDate ?? default,
            Sex = (int)request.Traits.Sex,
            RegisteredAt = now,
        };

    private static DuplicateCandidateRow ReviewRow(PatientId a, PatientId b, MatchScore score, DateTimeOffset now)
    {
        var (first, second) = string.CompareOrdinal(a.Value, b.Value) < 0 ? (a, b) : (b, a);
        return new DuplicateCandidateRow
        {
            IdentityA = first.Value,
            IdentityB = second.Value,
            Score = score.Score,
            Grade = (int)score.Grade,
            Status = DuplicateStatus.Open,
            DetectedAt = now,
        };
    }
}
