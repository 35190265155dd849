namespace Vigie;

/// <summary>
/// Every log message of the host, source-generated. Messages carry ids, counts and type names for diagnosis,
/// never identity data (names, dates, contact) and never tokens: the journal is the evidence, logs are not.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(1, LogLevel.Error, "Unexpected error in request {RequestId}: {ErrorType}")]
    public static partial void UnexpectedError(ILogger logger, string requestId, string errorType);

    [LoggerMessage(2, LogLevel.Information, "Match model estimated by EM from {Pairs} candidate pairs over {Records} records ({Source})")]
    public static partial void MatchModelEstimated(ILogger logger, int pairs, int records, string source);

    [LoggerMessage(3, LogLevel.Information, "Registered batch of {Count}: {Created} created, {Linked} linked, {Queued} queued for review")]
    public static partial void BatchRegistered(ILogger logger, int count, int created, int linked, int queued);

    [LoggerMessage(4, LogLevel.Information, "Merged identity {Source} into {Target} (event {EventId})")]
    public static partial void Merged(ILogger logger, string source, string target, long eventId);

    [LoggerMessage(5, LogLevel.Information, "Undid merge event {EventId}")]
    public static partial void Unmerged(ILogger logger, long eventId);

    [LoggerMessage(6, LogLevel.Information, "Bearer token rejected in request {RequestId}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string requestId, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Built-in identity provider (embedded demo, no real authentication) is serving as issuer {Issuer}; production trusts Pro Santé Connect")]
    public static partial void BuiltInProviderStarted(ILogger logger, string issuer);

    [LoggerMessage(8, LogLevel.Information, "Break-the-glass read recorded (request {RequestId}, purpose {PurposeCode})")]
    public static partial void BreakTheGlassRecorded(ILogger logger, string requestId, string purposeCode);
}
