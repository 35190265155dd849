using System.Text.Json;
using Vigie.Core.Detection;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Replay;

/// <summary>
/// `vigie replay`: runs the engine over a trace in virtual time (the events' own times) and writes one decision per
/// input line, in order: <c>{"line": 1, "decision": "allow|step-up|throttle|block", "reasons": [...]}</c>.
/// Nobody answers step-ups in a replay unless the trace says so (a later <c>authTime</c>), so a session stepped up
/// stays stepped up, as an attacker's would.
/// </summary>
public static class TraceReplay
{
    /// <summary>Replays <paramref name="trace"/> into <paramref name="output"/>; null on success, else the first error (with its line).</summary>
    /// <param name="trace">The trace (JSON lines).</param>
    /// <param name="facts">The patients (patients.csv).</param>
    /// <param name="engine">The engine, fresh or warmed.</param>
    /// <param name="output">Where the decisions go.</param>
    /// <param name="onDecision">Called for every decision (statistics), or null.</param>
    public static string? Run(Stream trace, IPatientFacts facts, RiskEngine engine, Stream output, Action<TraceEvent, RiskDecision>? onDecision = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var reader = new TraceReader(trace);
        using var json = new Utf8JsonWriter(output);
        while (reader.Next() is { } line)
        {
            if (!line.Success)
            {
                return line.Error;
            }

            var decision = engine.Decide(line.Value.Access, facts);
            onDecision?.Invoke(line.Value, decision);
            json.Reset(output);
            json.WriteStartObject();
            json.WriteNumber("line", reader.LineNumber);
            json.WriteString("decision", decision.ReplayName);
            json.WriteStartArray("reasons");
            foreach (var reason in decision.Reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
        }

        return null;
    }
}
