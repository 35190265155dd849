using Microsoft.Extensions.Logging;

namespace Vigie.Storage;

/// <summary>Every log message of storage, source-generated. Ids and counts only: never identity data, never journal content.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1001, LogLevel.Error, "Journal append of {Count} entries failed: {ErrorType}")]
    public static partial void JournalAppendFailed(ILogger logger, int count, string errorType, Exception exception);

    [LoggerMessage(1002, LogLevel.Warning, "Checkpoint {TreeSize} not delivered to witness {Witness}: {ErrorType}")]
    public static partial void WitnessFailed(ILogger logger, long treeSize, string witness, string errorType);

    [LoggerMessage(1003, LogLevel.Warning, "SQLite WAL checkpoint beside the journal failed: {ErrorType}")]
    public static partial void WalCheckpointFailed(ILogger logger, string errorType);
}
