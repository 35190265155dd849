using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Core;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Core.Notices;

namespace Vigie.Notices;

/// <summary>
/// The two inputs of `vigie notify`: the notice facts (one JSON object) and the targets (JSON lines, one person per
/// line, or one JSON array). Both are checked completely before anything is planned or sent; see docs/notices.md.
/// </summary>
internal static class NoticeInputFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>One target as written in the file.</summary>
    public sealed record TargetLine(string PatientId, string? DisplayName, string? Email, string? Phone, AddressLine? Address, IReadOnlyList<string>? Exposed);

    /// <summary>A postal address as written in the file.</summary>
    public sealed record AddressLine(IReadOnlyList<string>? Lines, string? PostalCode, string? City, string? Country);

    public static async Task<ParseResult<NoticeFacts>> ReadFactsAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var facts = await JsonSerializer.DeserializeAsync<NoticeFacts>(stream, Json, ct).ConfigureAwait(false);
            return facts is null ? ParseResult<NoticeFacts>.Fail("the notice file is empty") : NoticeFacts.Check(facts);
        }
        catch (JsonException e)
        {
            return ParseResult<NoticeFacts>.Fail("the notice file is not valid JSON for notice facts: " + e.Message);
        }
    }

    /// <summary>Reads and checks every target; errors name the line, never its content.</summary>
    public static async Task<(IReadOnlyList<NotificationTarget> Targets, IReadOnlyList<string> Errors)> ReadTargetsAsync(string path, CancellationToken ct)
    {
        var errors = new List<string>();
        var lines = new List<(int Line, TargetLine? Value)>();
        var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                var array = JsonSerializer.Deserialize<List<TargetLine?>>(text, Json) ?? [];
                lines.AddRange(array.Select((t, i) => (i + 1, t)));
            }
            catch (JsonException e)
            {
                errors.Add("the targets file is not a valid JSON array of targets: " + e.Message);
            }
        }
        else
        {
            var number = 0;
            foreach (var line in text.Split('\n'))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    lines.Add((number, JsonSerializer.Deserialize<TargetLine>(line, Json)));
                }
                catch (JsonException e)
                {
                    errors.Add($"line {number}: not a valid target ({e.Message})");
                }
            }
        }

        var targets = new List<NotificationTarget>(lines.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, value) in lines)
        {
            var target = value is null ? ParseResult<NotificationTarget>.Fail("empty") : ToTarget(value);
            if (!target.Success)
            {
                errors.Add($"line {number}: {target.Error}");
            }
            else if (!seen.Add(target.Value.PatientId))
            {
                errors.Add($"line {number}: this patientId appears twice");
            }
            else
            {
                targets.Add(target.Value);
            }
        }

        return (targets, errors);
    }

    private static ParseResult<NotificationTarget> ToTarget(TargetLine line)
    {
        var exposed = DisclosedData.None;
        foreach (var name in line.Exposed ?? ["identity"])
        {
            if (!Enum.TryParse<DisclosedData>(name, ignoreCase: true, out var flag) || !Enum.IsDefined(flag) || flag == DisclosedData.None)
            {
                return ParseResult<NotificationTarget>.Fail("exposed: identity, phone, email or address");
            }

            exposed |= flag;
        }

        var address = line.Address is { } a ? new PostalAddress(a.Lines ?? [], a.PostalCode, a.City, a.Country) : null;
        return NotificationTarget.Check(new NotificationTarget(line.PatientId, line.DisplayName ?? "", Blank(line.Email), Blank(line.Phone), address, exposed));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
