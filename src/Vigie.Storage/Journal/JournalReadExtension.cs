using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Vigie.Storage.Journal;

/// <summary>
/// Carries a provider's own <see cref="EntryPageReader"/> in the context options, so that storage code stays
/// provider-neutral while verification reads rows the fastest way the provider allows. Added by the provider's
/// Configure; without it verification uses <see cref="EntryPageReader.Portable"/>.
/// </summary>
public sealed class JournalReadExtension(EntryPageReader reader) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public EntryPageReader Reader => reader;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // Nothing to register: JournalAudit finds the extension in the options.
    }

    public void Validate(IDbContextOptions options)
    {
        // Any reader is valid with any options.
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        // The reader adds no services, so every context can share one internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            // Nothing worth showing.
        }
    }
}
