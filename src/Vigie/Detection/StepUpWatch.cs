using Microsoft.EntityFrameworkCore;
using Vigie.Core.Detection;
using Vigie.Hosting;

namespace Vigie.Detection;

/// <summary>
/// Between requests: every <see cref="DetectionSettings.SyncInterval"/>, asks the engine for the sessions whose
/// step-up has gone unanswered too long and stores one alert for each (decision 0007). An intruder who cannot pass
/// a step-up usually just stops; the alert names the session so that an incident opened from the alerts includes
/// what it received before. Several nodes may have asked the same session: a session already alerted on within
/// the hour is not alerted again.
/// </summary>
internal sealed class StepUpWatch(VigieSettings settings, RiskEngine engine, TimeProvider clock, ILogger<StepUpWatch> logger) : BackgroundService
{
    private static readonly string Kind = nameof(RiskAlertKind.StepUpUnanswered);

    // Alerts the engine handed over that could not be stored yet (the database was away): kept for the next pass.
    private readonly List<RiskAlert> _unstored = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPasses.RunAsync(settings.Detection.SyncInterval, clock, passAtStart: false, ReviewAsync, e =>
        {
            if (e is not (System.Data.Common.DbException or DbUpdateException or InvalidOperationException or TimeoutException))
            {
                return false;
            }

            LogMessages.StepUpReviewFailed(logger, e.GetType().Name);
            return true;
        }, stoppingToken);

    /// <summary>One pass; returns the alerts stored.</summary>
    internal async Task<int> ReviewAsync(CancellationToken ct)
    {
        _unstored.AddRange(engine.ReviewStepUps(clock.GetUtcNow()));
        if (_unstored.Count == 0)
        {
            return 0;
        }

        await using var db = StorageSetup.CreateContext(settings);
        var stored = 0;
        foreach (var alert in _unstored)
        {
            var since = alert.At.AddHours(-1);
            var professional = alert.Professional.Value;
            var known = await db.Alerts.AnyAsync(a => a.Kind == Kind && a.ProfessionalId == professional && a.Session == alert.Session && a.At >= since, ct)
                .ConfigureAwait(false);
            if (!known)
            {
                db.Alerts.Add(AlertRows.From(alert, LiveDetection.LevelName(RiskLevel.StepUp)));
                stored++;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        _unstored.Clear();
        return stored;
    }
}
