using Vigie.Core.Detection;
using Vigie.Hosting;

namespace Vigie.Detection;

/// <summary>Registers the process's risk engine (one per node; containment is shared through the database).</summary>
internal static class DetectionHosting
{
    public static IServiceCollection AddLiveDetection(this IServiceCollection services, VigieSettings settings)
    {
        var zone = TimeZoneInfo.Utc;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Detection.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            // Without the time zone database the habits are learnt in UTC: consistent, one or two hours off.
        }

        services.AddSingleton(new RiskEngine(settings.Detection.Thresholds with { ReportOnly = settings.Detection.ReportOnly, TimeZone = zone }));
        services.AddSingleton<LiveDetection>();
        services.AddSingleton<JournalEvidence>();
        services.AddHostedService(sp => sp.GetRequiredService<JournalEvidence>());
        services.AddHostedService<OwnerNotices>();
        services.AddSingleton<StepUpWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<StepUpWatch>());
        return services;
    }
}
