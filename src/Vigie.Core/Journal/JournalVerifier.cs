using System.Runtime.InteropServices;

namespace Vigie.Core.Journal;

/// <summary>
/// Recomputes a journal from its stored entries and checkpoints and reports the first fault: an entry modified,
/// deleted, inserted, moved or malformed, an index column edited, a checkpoint that does not match or is not
/// signed by the trusted key. Bad input of any kind is a fault in the result, never an exception.
/// </summary>
/// <remarks>
/// Entries come in sequence order and checkpoints in tree-size order, both streamed, so memory stays flat for
/// any journal size. With the seal key the first differing entry is named exactly; with the public key only, a
/// change is located between two checkpoints (<see cref="JournalFaultKind.RootMismatch"/>), except gaps, malformed
/// bytes and index edits, which are always exact.
/// </remarks>
public static class JournalVerifier
{
    private const int BatchSize = 4096;

    /// <summary>Verifies entries and checkpoints held in memory or read synchronously.</summary>
    public static JournalVerification Verify(IEnumerable<StoredEntry> entries, IEnumerable<StoredCheckpoint> checkpoints, JournalTrust trust)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);

        // Synchronous sources complete every await at once, so this never blocks on anything but the work itself.
        return VerifyAsync(entries.ToAsyncEnumerable(), checkpoints.ToAsyncEnumerable(), trust, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Verifies entries and checkpoints streamed from storage.</summary>
    public static async Task<JournalVerification> VerifyAsync(
        IAsyncEnumerable<StoredEntry> entries, IAsyncEnumerable<StoredCheckpoint> checkpoints, JournalTrust trust, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(trust);
        using var run = new VerificationRun(trust);
        var cps = checkpoints.GetAsyncEnumerator(ct);
        await using (cps.ConfigureAwait(false))
        {
            var es = entries.GetAsyncEnumerator(ct);
            await using (es.ConfigureAwait(false))
            {
                var hasCheckpoint = await cps.MoveNextAsync().ConfigureAwait(false);
                var hasEntry = await es.MoveNextAsync().ConfigureAwait(false);
                long? first = hasEntry ? es.Current.Sequence : null;

                while (hasCheckpoint && cps.Current.TreeSize <= (first ?? long.MaxValue))
                {
                    if (!run.BeforeStart(cps.Current))
                    {
                        return run.Result();
                    }

                    hasCheckpoint = await cps.MoveNextAsync().ConfigureAwait(false);
                }

                if (!run.Start(first))
                {
                    return run.Result();
                }

                // Entries go through in batches so that hashing runs eight lanes wide; the checkpoints whose size
                // falls inside a batch go with it.
                var batch = new StoredEntry[BatchSize];
                var pending = new List<StoredCheckpoint>();
                while (hasEntry)
                {
                    var count = 0;
                    while (hasEntry && count < batch.Length)
                    {
                        batch[count++] = es.Current;
                        hasEntry = await es.MoveNextAsync().ConfigureAwait(false);
                    }

                    var batchStart = run.TreeSize;
                    pending.Clear();
                    while (hasCheckpoint && cps.Current.TreeSize <= batchStart + count)
                    {
                        pending.Add(cps.Current);
                        hasCheckpoint = await cps.MoveNextAsync().ConfigureAwait(false);
                    }

                    if (!run.OnBatch(batch, count, CollectionsMarshal.AsSpan(pending)))
                    {
                        if (run.IsClassifying)
                        {
                            var more = true;
                            for (var k = (int)(run.Suspect - batchStart) + 1; more && k < count; k++)
                            {
                                more = run.Classify(batch[k]);
                            }

                            while (more && hasEntry)
                            {
                                more = run.Classify(es.Current);
                                hasEntry = await es.MoveNextAsync().ConfigureAwait(false);
                            }

                            run.FinishClassification();
                        }

                        return run.Result();
                    }
                }

                // Checkpoints beyond the last entry: the entries they cover are missing.
                while (hasCheckpoint)
                {
                    if (!run.OnCheckpoint(cps.Current))
                    {
                        return run.Result();
                    }

                    hasCheckpoint = await cps.MoveNextAsync().ConfigureAwait(false);
                }

                return run.Result();
            }
        }
    }
}
