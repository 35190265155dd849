using System.CommandLine;
using System.Globalization;

namespace Vigie.Cli;

/// <summary>Durations on the command line: a whole number and a unit, s, m or h ("10m", "0s", "4h").</summary>
internal static class Durations
{
    public static Option<TimeSpan> Option(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000)
            {
                switch (text[^1])
                {
                    case 's': return TimeSpan.FromSeconds(n);
                    case 'm': return TimeSpan.FromMinutes(n);
                    case 'h': return TimeSpan.FromHours(n);
                    default: break;
                }
            }

            result.AddError($"{name}: a whole number followed by s, m or h (e.g. 10m)");
            return default;
        },
    };
}
