using Vigie.Hosting;
using Vigie.Simulation;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;
using Vigie.Storage.Journal;

namespace Vigie.Seeding;

/// <summary>
/// `vigie seed` and `vigie demo` share this: register the region, then journal its legitimate history up to a
/// cut-off. The trace enumerator is handed back positioned on the first event after the cut-off (the demo plays
/// the rest live; the seed verb has nothing after it).
/// </summary>
internal sealed class SeedPipeline(VigieSettings settings, SyntheticRegion region, TraceSimulator simulator, TimeProvider clock, SeedProgress progress)
{
    public sealed record Outcome(RegionSeeder.Result Registry, HistoryJournal.Totals History, IEnumerator<TraceEvent> Rest, bool HasMore);

    public async Task<Outcome> RunAsync(DateTimeOffset historyUntil, CancellationToken ct)
    {
        var registry = await RegionSeeder.SeedAsync(settings, region, clock, progress, ct).ConfigureAwait(false);
        using var key = JournalSigningKey.LoadOrCreate(settings.DataDirectory, settings.Journal.Origin);
        await using var writer = new JournalWriter(() => StorageSetup.CreateContext(settings), key, clock);
        var events = simulator.Events().GetEnumerator();
        var expected = (long)(region.Professionals.Count * 34.0 * (region.Options.Days - 1));
        var (history, hasMore) = await HistoryJournal.WriteAsync(writer, events, historyUntil, registry.Directory, progress, expected, ct).ConfigureAwait(false);
        await writer.CheckpointAsync(ct).ConfigureAwait(false);
        return new Outcome(registry, history, events, hasMore);
    }
}
