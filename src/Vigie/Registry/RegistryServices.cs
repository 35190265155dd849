using Vigie.Core.Identity;
using Vigie.Hosting;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

internal static class RegistryServices
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSingleton<Func<PatientId>>(_ => PatientIds.NewRandom);
        services.AddSingleton<MatchModelProvider>();
        services.AddScoped<IdentityMerging>();
        services.AddScoped(sp => new IdentityRegistration(
            sp.GetRequiredService<VigieDbContext>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Func<PatientId>>(),
            () => sp.GetRequiredService<MatchModelProvider>().Current(sp.GetRequiredService<VigieDbContext>()),
            sp.GetRequiredService<VigieSettings>().Thresholds));
        return services;
    }
}
