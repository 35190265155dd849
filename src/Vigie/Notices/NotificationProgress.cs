namespace Vigie.Notices;

/// <summary>Progress of a run, reported about once a second: counts only, never who.</summary>
/// <param name="Phase">"plan", "email", "sms" or "letters".</param>
/// <param name="Sent">Messages accepted by their channel in this run.</param>
/// <param name="Failed">Notifications given up in this run.</param>
/// <param name="Retrying">Messages put back for a later attempt in this run.</param>
/// <param name="Total">Notifications this run had to handle.</param>
/// <param name="Elapsed">Time since the run started.</param>
internal sealed record NotificationProgress(string Phase, int Sent, int Failed, int Retrying, int Total, TimeSpan Elapsed);

/// <summary>What a run did.</summary>
/// <param name="LockBusy">Another run of this incident is alive: nothing was done.</param>
/// <param name="Targets">People in the input.</param>
/// <param name="NewlyPlanned">Notifications planned by this run (the others were planned by an earlier run).</param>
/// <param name="Unreachable">People with no usable contact, recorded as failed.</param>
/// <param name="Resumed">Messages a dead run had claimed without recording the outcome, sent again with the same Message-ID and reference.</param>
/// <param name="Sent">Messages accepted by their channel in this run.</param>
/// <param name="Failed">Notifications given up in this run (refused, too many attempts).</param>
/// <param name="LeftPending">Notifications still to send when the run ended (stopped, channel down, not in this input).</param>
/// <param name="NotInInput">Unsent notifications planned earlier for people absent from this input: left pending.</param>
/// <param name="LetterFiles">Letter batch files written.</param>
/// <param name="Stopped">Why the run stopped early (channel unreachable, lock lost, cancelled), or null.</param>
internal sealed record NotificationRunResult(bool LockBusy, int Targets, int NewlyPlanned, int Unreachable, int Resumed, int Sent, int Failed, int LeftPending, int NotInInput,
    IReadOnlyList<string> LetterFiles, string? Stopped);
