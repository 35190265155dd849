using System.Text;
using Vigie.Core;
using Vigie.Core.Detection;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Trace;

/// <summary>
/// patients.csv of issue 5 (<c>id,establishments,canary</c>: establishments separated by ';', canary true or false),
/// as the engine's patient lookup for replay.
/// </summary>
public sealed class PatientTable : IPatientFacts
{
    /// <summary>The header line.</summary>
    public const string Header = "id,establishments,canary";

    private readonly Dictionary<string, PatientFacts> _facts;

    private PatientTable(Dictionary<string, PatientFacts> facts) => _facts = facts;

    /// <summary>Patients listed.</summary>
    public int Count => _facts.Count;

    /// <inheritdoc />
    public bool TryGet(PatientId patient, out PatientFacts facts) => _facts.TryGetValue(patient.Value, out facts);

    /// <summary>Reads the file; an error names the first bad line.</summary>
    public static ParseResult<PatientTable> Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var header = input.ReadLine()?.TrimStart('\uFEFF');
        if (header != Header)
        {
            return ParseResult<PatientTable>.Fail($"line 1: the header must be '{Header}'");
        }

        var facts = new Dictionary<string, PatientFacts>(StringComparer.Ordinal);
        var establishments = new Dictionary<string, Finess>(StringComparer.Ordinal);
        var number = 1;
        for (var line = input.ReadLine(); line is not null; line = input.ReadLine())
        {
            number++;
            var fields = line.Split(',');
            if (fields.Length != 3)
            {
                return Fail(number, "three fields: id,establishments,canary");
            }

            var id = PatientId.Parse(fields[0]);
            if (!id.Success)
            {
                return Fail(number, id.Error!);
            }

            bool canary;
            if (string.Equals(fields[2], "true", StringComparison.OrdinalIgnoreCase))
            {
                canary = true;
            }
            else if (string.Equals(fields[2], "false", StringComparison.OrdinalIgnoreCase))
            {
                canary = false;
            }
            else
            {
                return Fail(number, "canary is true or false");
            }

            var links = new List<Finess>();
            foreach (var part in fields[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!establishments.TryGetValue(part, out var finess))
                {
                    finess = Finess.Parse(part) is { Success: true } parsed ? parsed.Value : new Finess(part);
                    establishments[part] = finess;
                }

                links.Add(finess);
            }

            if (!facts.TryAdd(id.Value.Value, new PatientFacts(canary, links)))
            {
                return Fail(number, $"patient {id.Value.Value} is listed twice");
            }
        }

        return ParseResult<PatientTable>.Ok(new PatientTable(facts));
    }

    /// <summary>Writes patients in the same format.</summary>
    public static void Write(TextWriter output, IEnumerable<(string Id, IEnumerable<Finess> Establishments, bool Canary)> patients)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(patients);
        output.Write(Header + "\n");
        var line = new StringBuilder();
        foreach (var (id, where, canary) in patients)
        {
            line.Clear().Append(id).Append(',').AppendJoin(';', where.Select(f => f.Value)).Append(',').Append(canary ? "true" : "false").Append('\n');
            output.Write(line);
        }
    }

    private static ParseResult<PatientTable> Fail(int line, string error) => ParseResult<PatientTable>.Fail($"line {line}: {error}");
}
