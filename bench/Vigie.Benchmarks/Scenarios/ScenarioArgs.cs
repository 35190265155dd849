using System.Globalization;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>`--name value` options of the scenarios, with a fallback when absent. New scenarios use this; older ones keep their own copies for now.</summary>
internal static class ScenarioArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string? String(string[] args, string name, string? fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;
}
