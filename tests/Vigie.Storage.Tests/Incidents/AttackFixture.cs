using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage.Incidents;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

/// <summary>A test database holding the recorded attack's journal, appended as the server would (checkpoints signed).</summary>
internal static class AttackFixture
{
    public const string Origin = "vigie.test/journal";

    public static readonly TimeWindow Window = new(RecordedAttack.Window.From, RecordedAttack.Window.To);

    public static async Task<JournalSigningKey> WriteAsync(TestDatabase database, RecordedAttack attack, bool checkpointLast = true)
    {
        var key = JournalSigningKey.LoadOrCreate(database.DataDirectory, Origin);
        var clock = new FakeTimeProvider(RecordedAttack.Start.AddDays(5));
        var chunks = attack.Entries.Chunk(2_000).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            await using var db = database.NewContext();
            var last = i == chunks.Count - 1;

            // The appender also signs when the last checkpoint is older than its interval: the clock stands still for an unsigned last chunk.
            if (!last || checkpointLast)
            {
                clock.Advance(TimeSpan.FromSeconds(2));
            }

            await new JournalAppender(db, key, clock, TimeSpan.FromSeconds(1)).AppendAsync(chunks[i], !last || checkpointLast, CancellationToken.None);
        }

        return key;
    }

    public static IncidentSelectors Selectors(string[]? accounts = null, string[]? sessions = null, string[]? ips = null, string[]? agents = null)
    {
        var selectors = IncidentSelectors.Create(accounts, sessions, ips, agents);
        Assert.True(selectors.Success, selectors.Error);
        return selectors.Value;
    }

    public static async Task<ScopeResult> ScopeAsync(TestDatabase database, JournalSigningKey key, IncidentSelectors selectors, bool proofs = false, TimeWindow? window = null)
    {
        await using var db = database.NewContext();
        return await ScopeQuery.ComputeAsync(db, window ?? Window, selectors, key.Trust, proofs, RecordedAttack.Start.AddDays(5), CancellationToken.None);
    }

    /// <summary>Patient → categories, as the scope has them.</summary>
    public static Dictionary<string, DisclosedData> Patients(IncidentScope scope) =>
        scope.Patients.ToDictionary(p => p.Patient.Value, p => p.Categories);
}
