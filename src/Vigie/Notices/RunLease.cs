using System.Diagnostics;
using System.Globalization;
using Vigie.Storage;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>
/// This process's hold on an incident's run lock: acquired once, refreshed in the background, released at the end.
/// When a refresh finds the lock taken over, <see cref="Lost"/> is cancelled and the run stops claiming.
/// </summary>
internal sealed class RunLease : IAsyncDisposable
{
    private readonly Func<VigieDbContext> _newContext;
    private readonly string _incidentId;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _done = new();
    private Task _heartbeat = Task.CompletedTask;

    private RunLease(Func<VigieDbContext> newContext, string incidentId, string owner)
    {
        _newContext = newContext;
        _incidentId = incidentId;
        Owner = owner;
    }

    public string Owner { get; }

    public CancellationToken Lost => _lost.Token;

    /// <summary>The lock, or null when another live run of the incident holds it.</summary>
    public static async Task<RunLease?> AcquireAsync(Func<VigieDbContext> newContext, string incidentId, TimeSpan staleAfter, TimeSpan every, TimeProvider clock, CancellationToken ct)
    {
        var owner = OwnerOfThisProcess();
        await using (var db = newContext())
        {
            if (!await NoticeRunLock.TryAcquireAsync(db, incidentId, owner, clock.GetUtcNow(), staleAfter, IsDeadLocalProcess, ct).ConfigureAwait(false))
            {
                return null;
            }
        }

        var lease = new RunLease(newContext, incidentId, owner);
        lease._heartbeat = lease.BeatAsync(every, clock);
        return lease;
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
        await using (var db = _newContext())
        {
            await NoticeRunLock.ReleaseAsync(db, _incidentId, Owner, CancellationToken.None).ConfigureAwait(false);
        }

        _lost.Dispose();
        _done.Dispose();
    }

    /// <summary>"machine|pid|process start|run id": enough for a later run on this machine to tell that the holder died.</summary>
    internal static string OwnerOfThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.MachineName}|{Environment.ProcessId}|{new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds()}|{Guid.NewGuid():N}");
    }

    /// <summary>True when <paramref name="owner"/> names a process of this machine that no longer runs (or whose pid was reused).</summary>
    internal static bool IsDeadLocalProcess(string owner)
    {
        var parts = owner.Split('|');
        if (parts.Length != 4 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var started))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || Math.Abs(new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() - started) > 1000;
        }
        catch (ArgumentException)
        {
            return true; // No process with that id.
        }
        catch (InvalidOperationException)
        {
            return true; // It exited while we looked.
        }
    }

    private async Task BeatAsync(TimeSpan every, TimeProvider clock)
    {
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_done.Token).ConfigureAwait(false))
            {
                await using var db = _newContext();
                if (!await NoticeRunLock.HeartbeatAsync(db, _incidentId, Owner, clock.GetUtcNow(), _done.Token).ConfigureAwait(false))
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_done.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // Without a heartbeat the lock may be taken over: stop rather than risk two runs sending.
            await _lost.CancelAsync().ConfigureAwait(false);
        }
    }
}
