using System.Globalization;
using System.Runtime.InteropServices;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>The machine line recorded with every figure.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        var memoryGib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {memoryGib:F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }
}
