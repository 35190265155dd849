using Vigie.Hosting;
using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>Registers the journal: signing key, the process's writer, its witnesses and the retention pass.</summary>
internal static class JournalHosting
{
    public static IServiceCollection AddJournal(this IServiceCollection services, VigieSettings settings)
    {
        var journal = settings.Journal;
        ArgumentOutOfRangeException.ThrowIfLessThan(journal.RetentionMonths, JournalPruning.MinimumRetentionMonths, "journal retention (months)");
        services.AddSingleton(_ => JournalSigningKey.LoadOrCreate(settings.DataDirectory, journal.Origin));
        services.AddSingleton(sp => new JournalWriter(
            () => StorageSetup.CreateContext(settings),
            sp.GetRequiredService<JournalSigningKey>(),
            sp.GetRequiredService<TimeProvider>(),
            new JournalWriterOptions { CheckpointInterval = journal.CheckpointInterval, WalCheckpointInterval = journal.WalCheckpointInterval, WalRestartPages = journal.WalRestartPages },
            Witnesses(journal, sp),
            sp.GetRequiredService<ILogger<JournalWriter>>()));
        services.AddSingleton<OwnJournalAppends>();
        services.AddSingleton<JournalRecorder>();
        services.AddSingleton<SessionSightings>();
        services.AddHostedService<JournalRetentionService>();
        return services;
    }

    private static List<ICheckpointWitness> Witnesses(JournalSettings journal, IServiceProvider services)
    {
        var witnesses = new List<ICheckpointWitness>();
        if (journal.WitnessFile is { Length: > 0 } file)
        {
            witnesses.Add(new FileCheckpointWitness(file));
        }

        if (journal.WitnessUrl is { } url)
        {
            witnesses.Add(new HttpCheckpointWitness(services.GetRequiredService<IHttpClientFactory>().CreateClient("journal-witness"), url));
        }

        return witnesses;
    }
}
