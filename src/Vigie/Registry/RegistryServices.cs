using Vigie.Core.Identity;
using Vigie.Hosting;
using Vigie.Storage;
using Vigie.Storage.Journal;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

internal static class RegistryServices
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSingleton<Func<PatientId>>(_ => PatientIds.NewRandom);
        services.AddSingleton<MatchModelProvider>();
        services.AddScoped<IdentityMerging>();

        // One background checkpoint runner for every registration of this node (none runs twice at once).
        services.AddSingleton(sp => new RegistrationCheckpoints(new WalCheckpoints(
            () => StorageSetup.CreateContext(sp.GetRequiredService<VigieSettings>()),
            sp.GetRequiredService<ILogger<RegistrationCheckpoints>>())));
        services.AddScoped(sp => new IdentityRegistration(
            sp.GetRequiredService<VigieDbContext>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Func<PatientId>>(),
            () => sp.GetRequiredService<MatchModelProvider>().Current(sp.GetRequiredService<VigieDbContext>()),
            sp.GetRequiredService<VigieSettings>().Thresholds)
        {
            Checkpoints = sp.GetRequiredService<RegistrationCheckpoints>().Runner,
        });
        return services;
    }
}

/// <summary>The registrations' own WAL checkpoint runner, apart from the journal writer's (a DI key of its own).</summary>
internal sealed record RegistrationCheckpoints(WalCheckpoints Runner);
