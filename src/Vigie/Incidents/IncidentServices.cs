using Vigie.Core.Incidents;
using Vigie.Hosting;

namespace Vigie.Incidents;

/// <summary>What the host registers for incidents: the journal key, the organisation profile, the context indexer and the canary report worker.</summary>
internal static class IncidentServices
{
    public sealed record Organisation(OrganisationProfile Profile, TimeZoneInfo Zone);

    public static IServiceCollection AddIncidents(this IServiceCollection services, VigieSettings settings)
    {
        services.AddSingleton<IncidentJournalKey>();
        services.AddSingleton(_ =>
        {
            var (profile, zone) = OrganisationFile.Load(settings.DataDirectory);
            return new Organisation(profile, zone);
        });
        services.AddHostedService<ContextIndexer>();
        services.AddSingleton<CanaryReportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CanaryReportWorker>());
        return services;
    }
}
