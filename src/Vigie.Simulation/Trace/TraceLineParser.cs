using System.Text.Json;
using Vigie.Core;
using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Trace;

/// <summary>Parses one trace line (see <see cref="TraceWriter"/> for the format); unknown properties are ignored.</summary>
public static class TraceLineParser
{
    private const int MaxText = 256;

    /// <summary>Parses a line of UTF-8 JSON.</summary>
    public static ParseResult<TraceEvent> Parse(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return Fail("empty line");
        }

        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail("not a JSON object");
            }

            var fields = new Fields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Name(ref reader);
                reader.Read();
                var error = Field(ref reader, name, fields);
                if (error is not null)
                {
                    return Fail(error);
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Fail("one JSON object per line");
            }

            return fields.Build();
        }
        catch (JsonException e)
        {
            return Fail($"invalid JSON at byte {e.BytePositionInLine}");
        }
    }

    // Property names and enumerated values are compared as UTF-8 bytes: no string per field on the hot path of replay.
    private static string Name(ref Utf8JsonReader reader)
    {
        foreach (var (bytes, name) in Names)
        {
            if (reader.ValueTextEquals(bytes))
            {
                return name;
            }
        }

        return "";
    }

    private static readonly (byte[] Bytes, string Name)[] Names =
        [.. new[] { "time", "professional", "establishment", "role", "session", "ip", "userAgent", "action", "query", "patients", "categories", "purpose", "authTime" }
            .Select(n => (System.Text.Encoding.UTF8.GetBytes(n), n))];

    private static readonly (byte[] Bytes, Role Role)[] Roles =
        [.. Enum.GetValues<Role>().Where(r => r != Role.None).Select(r => (System.Text.Encoding.UTF8.GetBytes(RoleNames.Of(r)), r))];

    private static string? Field(ref Utf8JsonReader reader, string name, Fields f)
    {
        switch (name)
        {
            case "time":
                return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time) ? Set(ref f.Time, time) : "'time' must be an ISO 8601 date and time";
            case "authTime":
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return null;
                }

                return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var auth) ? Set(ref f.AuthTime, auth) : "'authTime' must be an ISO 8601 date and time or null";
            case "professional":
                return Text(ref reader, name, required: true, out f.Professional);
            case "establishment":
                return Text(ref reader, name, required: true, out f.Establishment);
            case "session":
                return Text(ref reader, name, required: true, out f.Session);
            case "ip":
                return Text(ref reader, name, required: false, out f.Ip);
            case "userAgent":
                return Text(ref reader, name, required: false, out f.UserAgent, RequestContext.MaxUserAgentLength * 4);
            case "purpose":
                return Text(ref reader, name, required: false, out f.Purpose);
            case "role":
                if (reader.TokenType == JsonTokenType.String)
                {
                    foreach (var (bytes, role) in Roles)
                    {
                        if (reader.ValueTextEquals(bytes))
                        {
                            return Set(ref f.Role, role);
                        }
                    }
                }

                return "'role' must be one of " + RoleNames.Format((Role)127).Replace(",", ", ", StringComparison.Ordinal);
            case "action":
                return reader.TokenType != JsonTokenType.String ? "'action' must be search, match or read"
                    : reader.ValueTextEquals("read"u8) ? Set(ref f.Action, AccessAction.Read)
                    : reader.ValueTextEquals("search"u8) ? Set(ref f.Action, AccessAction.Search)
                    : reader.ValueTextEquals("match"u8) ? Set(ref f.Action, AccessAction.Match)
                    : "'action' must be search, match or read";
            case "patients":
                return Patients(ref reader, f);
            case "categories":
                return Categories(ref reader, f);
            case "query":
                return Query(ref reader, f);
            default:
                reader.Skip();
                return null;
        }
    }

    private static string? Patients(ref Utf8JsonReader reader, Fields f)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return "'patients' must be an array of patient ids";
        }

        var list = new List<PatientId>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var id = reader.TokenType == JsonTokenType.String ? PatientId.Parse(reader.GetString()) : ParseResult<PatientId>.Fail("not a string");
            if (!id.Success)
            {
                return "'patients' must be an array of patient ids: " + id.Error;
            }

            list.Add(id.Value);
        }

        f.Patients = list;
        return null;
    }

    private static string? Categories(ref Utf8JsonReader reader, Fields f)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return "'categories' must be an array of identity, phone, email, address";
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var category = reader.TokenType != JsonTokenType.String ? (ContactCategories?)null
                : reader.ValueTextEquals("identity"u8) ? ContactCategories.None
                : reader.ValueTextEquals("phone"u8) ? ContactCategories.Phone
                : reader.ValueTextEquals("email"u8) ? ContactCategories.Email
                : reader.ValueTextEquals("address"u8) ? ContactCategories.Address
                : null;
            if (category is not { } c)
            {
                return "'categories' must be an array of identity, phone, email, address";
            }

            f.Categories |= c;
        }

        return null;
    }

    private static string? Query(ref Utf8JsonReader reader, Fields f)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "'query' must be an object of search parameters";
        }

        string? family = null, given = null, gender = null, identifier = null;
        bool familyExact = false, givenExact = false;
        DateOnly? birthDate = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                return $"query parameter '{key}' must be a string";
            }

            var value = reader.GetString()!;
            switch (key)
            {
                case "family" or "family:exact":
                    (family, familyExact) = (value, key.EndsWith(":exact", StringComparison.Ordinal));
                    break;
                case "given" or "given:exact":
                    (given, givenExact) = (value, key.EndsWith(":exact", StringComparison.Ordinal));
                    break;
                case "birthdate":
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                    {
                        return "query parameter 'birthdate' must be YYYY-MM-DD";
                    }

                    birthDate = date;
                    break;
                case "gender":
                    gender = value;
                    break;
                case "identifier":
                    identifier = value;
                    break;
                default:
                    break; // other search parameters (_count, address...) do not change the shape the engine judges
            }
        }

        f.Query = new TraceQuery(family, familyExact, given, givenExact, birthDate, gender, identifier);
        return null;
    }

    private static string? Text(ref Utf8JsonReader reader, string name, bool required, out string? value, int max = MaxText)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (reader.TokenType == JsonTokenType.Null && !required)
        {
            return null;
        }

        if (value is null || (required && value.Length == 0) || value.Length > max)
        {
            return required ? $"'{name}' must be a non-empty string of at most {max} characters" : $"'{name}' must be a string of at most {max} characters, or null";
        }

        return null;
    }

    private static string? Set<T>(ref T? field, T value)
        where T : struct
    {
        field = value;
        return null;
    }

    private static ParseResult<TraceEvent> Fail(string error) => ParseResult<TraceEvent>.Fail(error);

    private sealed class Fields
    {
        public DateTimeOffset? Time;
        public DateTimeOffset? AuthTime;
        public string? Professional;
        public string? Establishment;
        public string? Session;
        public string? Ip;
        public string? UserAgent;
        public string? Purpose;
        public Role? Role;
        public AccessAction? Action;
        public List<PatientId>? Patients;
        public ContactCategories Categories;
        public TraceQuery? Query;

        public ParseResult<TraceEvent> Build()
        {
            var missing = Time is null ? "time" : Professional is null ? "professional" : Establishment is null ? "establishment"
                : Role is null ? "role" : Session is null ? "session" : Action is null ? "action" : Patients is null ? "patients" : null;
            if (missing is not null)
            {
                return Fail($"'{missing}' is missing");
            }

            // Ids that pass their checks are normalised (an 11-digit RPPS gets its 8 prefix); others are kept as given,
            // since a journal may hold ADELI numbers or test ids: to the engine they are only keys.
            var professional = NationalId.Parse(Professional) is { Success: true } id ? id.Value : new NationalId(Professional!);
            var establishment = Finess.Parse(Establishment) is { Success: true } finess ? finess.Value : new Finess(Establishment!);
            var access = new AccessEvent(Time!.Value, professional, establishment, Role!.Value, Session!, Ip, UserAgent, Action!.Value,
                Query?.Shape, Patients!, Categories, Purpose, AuthTime);
            return ParseResult<TraceEvent>.Ok(new TraceEvent(access, Query));
        }
    }
}
