using System.Text.Json;
using Vigie.Core.Access;

namespace Vigie.Simulation.Trace;

/// <summary>
/// Writes the trace format of issue 5: one JSON object per line, in time order, e.g.
/// <c>{"time":"2026-03-02T08:15:03Z","professional":"810001234567","establishment":"590780193","role":"admission",
/// "session":"s-8f2","ip":"10.1.2.3","userAgent":"...","action":"search","query":{"family":"DUPONT"},
/// "patients":["p-123"],"categories":["identity","phone"],"purpose":null,"authTime":"2026-03-02T08:01:00Z"}</c>.
/// <c>authTime</c> (the token's auth_time) is an addition the engine uses when present.
/// </summary>
public sealed class TraceWriter(Stream output) : IDisposable
{
    // Whole seconds as in the example; a fraction only when there is one.
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ";

    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Writes one line.</summary>
    public void Write(TraceEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var e = line.Access;
        _json.Reset(output);
        _json.WriteStartObject();
        _json.WriteString("time", e.Time.UtcDateTime.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        _json.WriteString("professional", e.Professional.Value);
        _json.WriteString("establishment", e.Establishment.Value);
        _json.WriteString("role", RoleNames.Of(e.Role));
        _json.WriteString("session", e.Session);
        _json.WriteString("ip", e.ClientIp);
        _json.WriteString("userAgent", e.UserAgent);
        _json.WriteString("action", TraceNames.Of(e.Action));
        if (line.Query is { } query)
        {
            _json.WriteStartObject("query");
            foreach (var (key, value) in query.Parameters())
            {
                _json.WriteString(key, value);
            }

            _json.WriteEndObject();
        }

        _json.WriteStartArray("patients");
        foreach (var p in e.Patients)
        {
            _json.WriteStringValue(p.Value);
        }

        _json.WriteEndArray();
        _json.WriteStartArray("categories");
        foreach (var c in TraceNames.Categories(e.Categories))
        {
            _json.WriteStringValue(c);
        }

        _json.WriteEndArray();
        _json.WriteString("purpose", e.Purpose);
        if (e.AuthenticatedAt is { } auth)
        {
            _json.WriteString("authTime", auth.UtcDateTime.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        }

        _json.WriteEndObject();
        _json.Flush();
        output.Write(NewLine);
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();
}
