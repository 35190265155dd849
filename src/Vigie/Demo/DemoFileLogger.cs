using System.Globalization;
using System.Text.Json;

namespace Vigie.Demo;

/// <summary>
/// The demo server's log goes to DATA/logs/vigie.jsonl instead of the console, which shows the scenario. Same
/// content as `vigie serve`'s JSON console log (the host's messages carry ids and counts, never identity data).
/// </summary>
internal sealed class DemoFileLogger : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public DemoFileLogger(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "logs");
        Directory.CreateDirectory(directory);
        _writer = new StreamWriter(Path.Combine(directory, "vigie.jsonl"), append: true) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() => _writer.Dispose();

    private void Write(string category, LogLevel level, EventId id, string message, Exception? exception)
    {
        var line = JsonSerializer.Serialize(new
        {
            Timestamp = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), // Log time is real time, not the demo clock.
            EventId = id.Id,
            LogLevel = level.ToString(),
            Category = category,
            Message = message,
            Exception = exception?.GetType().FullName,
        });
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(DemoFileLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(category, logLevel, eventId, formatter(state, exception), exception);
            }
        }
    }
}
