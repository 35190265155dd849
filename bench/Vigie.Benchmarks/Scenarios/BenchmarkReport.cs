using System.Text;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// Replaces one scenario's section of docs/benchmarks.md (between its begin/end markers), so a run records its
/// own figures, machine and date without touching the other scenarios' sections.
/// </summary>
internal static class BenchmarkReport
{
    public static void Write(string path, string section, string markdown)
    {
        var begin = $"<!-- {section}:begin -->";
        var end = $"<!-- {section}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures measured by `bench/Vigie.Benchmarks`; each section says how to reproduce it.\n";
        var block = begin + "\n" + markdown.TrimEnd() + "\n" + end;
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
