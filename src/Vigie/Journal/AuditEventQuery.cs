using System.Globalization;
using Vigie.Core;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>
/// The search parameters of GET /fhir/AuditEvent: <c>patient</c> (id or Patient/id), <c>agent</c> (national
/// professional id, bare or as system|value), <c>date</c> (repeatable, with ge/gt/le/lt/eq prefixes, a date or an
/// instant), <c>_count</c> (1 to 1000, default 100) and <c>_after</c> (the paging cursor of the next link).
/// </summary>
internal static class AuditEventQuery
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    public static ParseResult<JournalSearch> Parse(IQueryCollection query)
    {
        var search = new JournalSearch(Limit: DefaultCount);
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                var next = Apply(search, name, value ?? "");
                if (!next.Success)
                {
                    return next;
                }

                search = next.Value;
            }
        }

        return ParseResult<JournalSearch>.Ok(search);
    }

    private static ParseResult<JournalSearch> Apply(JournalSearch search, string name, string value)
    {
        switch (name)
        {
            case "patient":
                var id = PatientId.Parse(value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value);
                return id.Success ? Ok(search with { PatientId = id.Value.Value }) : Fail("patient: a Patient id or Patient/id");
            case "agent":
                var professional = NationalId.Parse(value.Contains('|', StringComparison.Ordinal) ? value[(value.IndexOf('|', StringComparison.Ordinal) + 1)..] : value);
                return professional.Success ? Ok(search with { ProfessionalId = professional.Value.Value }) : Fail("agent: a national professional id (RPPS or ADELI)");
            case "date":
                return Date(search, value);
            case "_count":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxCount
                    ? Ok(search with { Limit = count })
                    : Fail($"_count: from 1 to {MaxCount}");
            case "_after":
                return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var after)
                    ? Ok(search with { AfterSequence = after })
                    : Fail("_after: the cursor of a next link");
            case "_format":
                return Ok(search);
            default:
                return Fail("unknown AuditEvent search parameter; supported: patient, agent, date, _count");
        }
    }

    private static ParseResult<JournalSearch> Date(JournalSearch search, string value)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetter(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !char.IsAsciiLetter(value[0]) ? value : value[2..];
        DateTimeOffset start, end;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            end = start.AddDays(1);
        }
        else if (text.Length > 10 && HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            start = instant;
            end = instant.AddTicks(1);
        }
        else
        {
            return Fail("date: yyyy-MM-dd or an instant with its offset, optionally prefixed with ge, gt, le, lt or eq");
        }

        return prefix switch
        {
            "eq" => Ok(search with { From = Later(search.From, start), To = Earlier(search.To, end) }),
            "ge" => Ok(search with { From = Later(search.From, start) }),
            "gt" => Ok(search with { From = Later(search.From, end) }),
            "lt" => Ok(search with { To = Earlier(search.To, start) }),
            "le" => Ok(search with { To = Earlier(search.To, end) }),
            _ => Fail("date: the prefixes supported are ge, gt, le, lt and eq"),
        };
    }

    // An instant without an offset would be read in the server's zone: refused rather than guessed.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 16 && text[^6] is '+' or '-' && text[^3] == ':');

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static ParseResult<JournalSearch> Ok(JournalSearch search) => ParseResult<JournalSearch>.Ok(search);

    private static ParseResult<JournalSearch> Fail(string message) => ParseResult<JournalSearch>.Fail(message);
}
