using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Vigie.Core.Detection;

/// <summary>
/// The engine's thresholds as a configuration file: a JSON object whose keys are <see cref="DetectionOptions"/>
/// property names (camelCase or PascalCase) and whose values override the documented defaults; keys left out keep
/// them. Numbers for scores, rates and counts, "hh:mm:ss" strings for durations. An unknown key, a value of the
/// wrong type or one out of range is refused with the key named, so a typo never silently leaves a default in
/// force. Report-only mode, the time zone and the role priors have their own settings and are not read here.
/// </summary>
public static class DetectionThresholds
{
    private static readonly HashSet<string> OwnSettings = [nameof(DetectionOptions.ReportOnly), nameof(DetectionOptions.TimeZone), nameof(DetectionOptions.Priors)];

    private static readonly JsonDocumentOptions Relaxed = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The settable thresholds, by name, in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> Settable { get; } =
        [.. typeof(DetectionOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !OwnSettings.Contains(p.Name)
                && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int) || p.PropertyType == typeof(TimeSpan)))
            .OrderBy(p => p.MetadataToken)];

    /// <summary>Reads overrides from <paramref name="json"/> on top of <paramref name="start"/>.</summary>
    public static ParseResult<DetectionOptions> Read(string json, DetectionOptions start)
    {
        ArgumentNullException.ThrowIfNull(start);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Relaxed);
        }
        catch (JsonException e)
        {
            return ParseResult<DetectionOptions>.Fail($"is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ParseResult<DetectionOptions>.Fail("must be a JSON object of thresholds, e.g. {\"stepUpScore\": 9}");
            }

            // A copy: the record's init-only properties are set on it, never on the shared defaults.
            var options = start with { };
            foreach (var member in document.RootElement.EnumerateObject())
            {
                var property = Settable.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    return ParseResult<DetectionOptions>.Fail($"has an unknown threshold '{member.Name}' (known: {string.Join(", ", Settable.Select(p => CamelCase(p.Name)))})");
                }

                var value = Convert(member.Value, property.PropertyType);
                if (value is null)
                {
                    return ParseResult<DetectionOptions>.Fail($"threshold '{member.Name}' must be {Expected(property.PropertyType)}");
                }

                property.SetValue(options, value);
            }

            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                return ParseResult<DetectionOptions>.Fail("is out of range: " + e.Message);
            }

            return ParseResult<DetectionOptions>.Ok(options);
        }
    }

    /// <summary>Every threshold of <paramref name="options"/> as the file format writes it (a template to edit).</summary>
    public static string Describe(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var property in Settable)
            {
                var name = CamelCase(property.Name);
                switch (property.GetValue(options))
                {
                    case double d:
                        writer.WriteNumber(name, d);
                        break;
                    case int i:
                        writer.WriteNumber(name, i);
                        break;
                    case TimeSpan t:
                        writer.WriteString(name, t.ToString("c", CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static object? Convert(JsonElement value, Type type)
    {
        if (type == typeof(double))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
        }

        if (type == typeof(int))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : null;
        }

        return value.ValueKind == JsonValueKind.String
            && TimeSpan.TryParseExact(value.GetString(), "c", CultureInfo.InvariantCulture, out var t) ? t : null;
    }

    private static string Expected(Type type) =>
        type == typeof(double) ? "a number" : type == typeof(int) ? "a whole number" : "a duration \"hh:mm:ss\" (or \"d.hh:mm:ss\")";

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
