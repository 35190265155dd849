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

    [LoggerMessage(9, LogLevel.Warning, "Stored match model {ModelId} has schema {StoredVersion}, this build reads {CurrentVersion}: it is set aside and a bootstrap model estimated instead; re-estimate on the register with `vigie duplicates --estimate`")]
    public static partial void MatchModelOutdated(ILogger logger, long modelId, string storedVersion, string currentVersion);

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

    [LoggerMessage(100, LogLevel.Error, "Journal unavailable: {Count} entries not durable ({ErrorType}); the request is refused with 503")]
    public static partial void JournalUnavailable(ILogger logger, int count, string errorType);

    [LoggerMessage(101, LogLevel.Information, "Journal retention pass: {Removed} entries pruned, journal now starts at {PrunedBefore}")]
    public static partial void JournalPruned(ILogger logger, long removed, long prunedBefore);

    [LoggerMessage(102, LogLevel.Warning, "Journal retention pass failed ({ErrorType}); retried at the next interval")]
    public static partial void JournalPruneFailed(ILogger logger, string errorType);

    [LoggerMessage(200, LogLevel.Warning, "Detection alert {AlertId}: {Kind}, level {Level}")]
    public static partial void AlertRaised(ILogger logger, long alertId, string kind, string level);

    [LoggerMessage(201, LogLevel.Warning, "Alert webhook delivery failed ({Error}); retried at the next pass")]
    public static partial void AlertDeliveryFailed(ILogger logger, string error);

    // Notices (400-499): counts and notification ids only; never names, contacts or references.
    [LoggerMessage(210, LogLevel.Information, "Detection warm start: {Entries} journal entries read, {Events} accesses learnt, up to sequence {Sequence}")]
    public static partial void WarmStartProgress(ILogger logger, long entries, long events, long sequence);

    [LoggerMessage(211, LogLevel.Information, "Detection warm start done: {Entries} journal entries, {Events} accesses learnt from the last {Days} days, up to sequence {Sequence}, in {Milliseconds} ms")]
    public static partial void WarmStartDone(ILogger logger, long entries, long events, int days, long sequence, long milliseconds);

    [LoggerMessage(212, LogLevel.Warning, "Cross-node evidence pull failed after sequence {Sequence} ({Error}); retried at the next pass")]
    public static partial void EvidencePullFailed(ILogger logger, long sequence, string error);

    [LoggerMessage(213, LogLevel.Information, "Owner notices are off: no SMTP relay configured (--smtp-host), so contained professionals are not told by email")]
    public static partial void OwnerNoticesOff(ILogger logger);

    [LoggerMessage(214, LogLevel.Warning, "Owner notice pass failed ({Error}); retried at the next pass")]
    public static partial void OwnerNoticePassFailed(ILogger logger, string error);

    [LoggerMessage(215, LogLevel.Warning, "Containment {ContainmentId}: the professional has no email registered; no owner notice sent")]
    public static partial void OwnerNoticeNoEmail(ILogger logger, long containmentId);

    [LoggerMessage(216, LogLevel.Information, "Containment {ContainmentId}: owner notice {NotificationId} sent")]
    public static partial void OwnerNoticeSent(ILogger logger, long containmentId, long notificationId);

    [LoggerMessage(217, LogLevel.Warning, "Containment {ContainmentId}: owner notice {NotificationId} not sent (attempt {Attempts}, {Error}); given up: {GivenUp}")]
    public static partial void OwnerNoticeFailed(ILogger logger, long containmentId, long notificationId, int attempts, string error, bool givenUp);

    [LoggerMessage(218, LogLevel.Warning, "Step-up review failed ({Error}); its alerts are raised at the next pass")]
    public static partial void StepUpReviewFailed(ILogger logger, string error);

    [LoggerMessage(400, LogLevel.Information, "Notification run for incident {IncidentId}: {Targets} targets, {Planned} newly planned, {ToSend} to send")]
    public static partial void NotificationRunStarted(ILogger logger, string incidentId, int targets, int planned, int toSend);

    [LoggerMessage(401, LogLevel.Information, "Notification run for incident {IncidentId} ended: {Sent} sent, {Failed} failed, {Resumed} resumed, {Left} left to send")]
    public static partial void NotificationRunFinished(ILogger logger, string incidentId, int sent, int failed, int resumed, int left);

    [LoggerMessage(402, LogLevel.Warning, "Incident {IncidentId}: {Count} notifications claimed by a run that died were sent again with their Message-ID")]
    public static partial void UnconfirmedResent(ILogger logger, string incidentId, int count);

    [LoggerMessage(403, LogLevel.Warning, "Notification {NotificationId} failed: {Reason}")]
    public static partial void NotificationFailed(ILogger logger, long notificationId, string reason);

    [LoggerMessage(404, LogLevel.Information, "Phishing report {ReportId} stored in campaign {CampaignId} (new campaign: {NewCampaign})")]
    public static partial void PhishingReportStored(ILogger logger, long reportId, long campaignId, bool newCampaign);

    [LoggerMessage(405, LogLevel.Warning, "A verification reference of a notification that was never sent was presented on the portal (notification status {Status})")]
    public static partial void UnsentReferencePresented(ILogger logger, string status);

    [LoggerMessage(406, LogLevel.Warning, "A portal answer ({Outcome}) could not be recorded for the security team: {ErrorType}")]
    public static partial void PortalAnswerNotRecorded(ILogger logger, string outcome, string errorType);

    // 500-599: incidents. Ids and counts only; never a patient, a name or a contact.
    [LoggerMessage(500, LogLevel.Debug, "Request-context index caught up {Entries} journal entries")]
    public static partial void ContextIndexCaughtUp(ILogger logger, long entries);

    [LoggerMessage(501, LogLevel.Warning, "Request-context index catch-up failed: {ErrorType}; retried at the next tick")]
    public static partial void ContextIndexFailed(ILogger logger, string errorType);

    [LoggerMessage(502, LogLevel.Information, "Incident {Incident} opened ({Accounts} accounts, {Sessions} sessions, {Ips} IPs, {Agents} user agents)")]
    public static partial void IncidentOpened(ILogger logger, string incident, int accounts, int sessions, int ips, int agents);

    [LoggerMessage(503, LogLevel.Information, "Incident {Incident} scope: {People} people, {Records} records, exact {Exact}")]
    public static partial void IncidentScopeComputed(ILogger logger, string incident, int people, int records, bool exact);

    // 510-519: canary attribution. The canary's id is a planted identity's, never a patient's.
    [LoggerMessage(510, LogLevel.Warning, "Canary {Canary} contact hit {Hit} ({Source}) attributed to incident {Incident} (opened: {Opened}, {Recipients} recipient contexts)")]
    public static partial void CanaryHitAttributed(ILogger logger, string canary, long hit, string source, string incident, bool opened, int recipients);

    [LoggerMessage(511, LogLevel.Warning, "Canary {Canary} contact hit {Hit} ({Source}): the journal shows nobody receiving it since it was planted; no incident opened")]
    public static partial void CanaryHitUnattributed(ILogger logger, string canary, long hit, string source);

    [LoggerMessage(512, LogLevel.Error, "Canary attribution of phishing report {ReportId} failed: {ErrorType}; the report is stored, run `vigie canary message --report {ReportId}`")]
    public static partial void CanaryReportAttributionFailed(ILogger logger, long reportId, string errorType);
}
