using System.Diagnostics;
using System.Globalization;

namespace Vigie.Seeding;

/// <summary>
/// Progress of a long seeding step on stderr: one line per step, rewritten in place at most a few times a second,
/// counts and rates only (never an identity).
/// </summary>
internal sealed class SeedProgress(TextWriter output)
{
    private readonly Stopwatch _step = new();
    private readonly Stopwatch _sinceLastWrite = new();
    private string _label = "";

    public static SeedProgress Console() => new(System.Console.Error);

    public static SeedProgress Silent() => new(TextWriter.Null);

    public void Start(string label)
    {
        _label = label;
        _step.Restart();
        _sinceLastWrite.Restart();
        output.Write(label + "…");
    }

    public void Report(long done, long total)
    {
        if (_sinceLastWrite.ElapsedMilliseconds < 250 && done < total)
        {
            return;
        }

        _sinceLastWrite.Restart();
        var rate = done / Math.Max(_step.Elapsed.TotalSeconds, 0.001);
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r{_label}: {done:N0}/{total:N0} ({rate:N0}/s)   "));
    }

    public void Done(string summary)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{_label}: {summary} in {_step.Elapsed.TotalSeconds:F1} s          "));
    }
}
