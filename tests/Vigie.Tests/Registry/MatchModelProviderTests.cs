using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Matching;
using Vigie.Registry;
using Vigie.Storage.Registry;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

public sealed class MatchModelProviderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // What an older build stored: schema vigie-fs/1 compared fewer fields, so its lists are shorter as well.
    private const string OldModelJson = """
        {"Version":"vigie-fs/1","Prior":0.0001,"M":[[0.05,0.95],[0.1,0.9]],"U":[[0.9,0.1],[0.8,0.2]],"Iterations":12,"Converged":true,"TrainingPairs":5000,"TrainingRecords":0}
        """;

    [Fact]
    public async Task Current_WithAStoredModelOfAnOlderSchema_LogsAndStoresABootstrapModel()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using (var db = database.NewContext())
        {
            db.MatchModels.Add(new MatchModelRow { Json = OldModelJson, TrainingPairs = 5000, RecordCount = 100, EstimatedAt = Now.AddYears(-1) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var logger = new RecordingLogger();
        var provider = new MatchModelProvider(logger, new FakeTimeProvider(Now));
        MatchModel model;
        await using (var db = database.NewContext())
        {
            model = provider.Current(db);
        }

        Assert.Equal(MatchModel.CurrentVersion, model.Version);
        await using (var db = database.NewContext())
        {
            var rows = db.MatchModels.OrderBy(m => m.Id).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal(OldModelJson, rows[0].Json); // the old model is kept, set aside
            Assert.Equal(MatchModel.CurrentVersion, JsonSerializer.Deserialize<MatchModel>(rows[1].Json)!.Version);
            Assert.Equal(Now, rows[1].EstimatedAt);
        }

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("vigie-fs/1", warning.Message, StringComparison.Ordinal);
        Assert.Contains(MatchModel.CurrentVersion, warning.Message, StringComparison.Ordinal);

        // A second provider (the next start) now reads the stored bootstrap model instead of estimating again.
        var restarted = new RecordingLogger();
        await using (var db = database.NewContext())
        {
            Assert.Equal(model.Prior, new MatchModelProvider(restarted, new FakeTimeProvider(Now)).Current(db).Prior);
            Assert.Equal(2, db.MatchModels.Count());
        }

        Assert.Empty(restarted.Entries);
    }

    private sealed class RecordingLogger : ILogger<MatchModelProvider>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
