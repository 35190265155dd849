using Vigie.Core;
using Vigie.Core.Access;

namespace Vigie.Simulation.Trace;

/// <summary>labels.csv: <c>session,professional,playbook,attack</c>, one line per attacker session.</summary>
public static class LabelsFile
{
    /// <summary>The header line.</summary>
    public const string Header = "session,professional,playbook,attack";

    /// <summary>Writes the labels.</summary>
    public static void Write(TextWriter output, IEnumerable<AttackLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(labels);
        output.Write(Header + "\n");
        foreach (var l in labels)
        {
            output.Write($"{l.Session},{l.Professional.Value},{l.Playbook},{l.Attack}\n");
        }
    }

    /// <summary>Reads labels; an error names the first bad line.</summary>
    public static ParseResult<IReadOnlyList<AttackLabel>> Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ReadLine()?.TrimStart('\uFEFF') != Header)
        {
            return ParseResult<IReadOnlyList<AttackLabel>>.Fail($"line 1: the header must be '{Header}'");
        }

        var labels = new List<AttackLabel>();
        var number = 1;
        for (var line = input.ReadLine(); line is not null; line = input.ReadLine())
        {
            number++;
            var f = line.Split(',');
            if (f.Length != 4 || f.Any(string.IsNullOrEmpty))
            {
                return ParseResult<IReadOnlyList<AttackLabel>>.Fail($"line {number}: four non-empty fields: {Header}");
            }

            labels.Add(new AttackLabel(f[0], new NationalId(f[1]), f[2], f[3]));
        }

        return ParseResult<IReadOnlyList<AttackLabel>>.Ok(labels);
    }
}
