using System.Globalization;
using Microsoft.Extensions.Primitives;
using Vigie.Core;
using Vigie.Core.Identity;

namespace Vigie.Registry;

/// <summary>
/// A parsed PDQm (ITI-78) search. Unknown parameters, repeated parameters, empty values and unparseable values
/// are refused rather than ignored: a search that silently drops a criterion returns more patients than asked.
/// </summary>
internal sealed record PdqmQuery(
    string? Family,
    bool FamilyExact,
    string? Given,
    bool GivenExact,
    DateOnly? BirthDateFrom,
    DateOnly? BirthDateTo,
    Sex? Gender,
    TokenParameter? Identifier,
    int Count)
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "family", "family:exact", "given", "given:exact", "birthdate", "gender", "identifier", "_count", "_format",
    };

    public static ParseResult<PdqmQuery> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var q = new PdqmQuery(null, false, null, false, null, null, null, null, DefaultCount);
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name))
            {
                return Fail($"unknown or unsupported search parameter '{Truncate(name)}'; supported: family, given (with :exact), birthdate, gender, identifier, _count");
            }

            if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            {
                return Fail($"search parameter '{name}' must be given exactly once, with a value");
            }

            var value = values[0]!;
            switch (name)
            {
                case "family" or "family:exact":
                    var family = NameNormalizer.Normalize(value);
                    if (!family.Success)
                    {
                        return Fail("family: " + family.Error);
                    }

                    q = q with { Family = family.Value, FamilyExact = name.EndsWith(":exact", StringComparison.Ordinal) };
                    break;
                case "given" or "given:exact":
                    var given = NameNormalizer.NormalizeGivenNames(value);
                    if (!given.Success)
                    {
                        return Fail("given: " + given.Error);
                    }

                    q = q with { Given = given.Value, GivenExact = name.EndsWith(":exact", StringComparison.Ordinal) };
                    break;
                case "birthdate":
                    var range = ParseDateRange(value);
                    if (range is null)
                    {
                        return Fail("birthdate: use YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by eq, ge, le, gt or lt");
                    }

                    q = q with { BirthDateFrom = range.Value.From, BirthDateTo = range.Value.To };
                    break;
                case "gender":
                    Sex? sex = value switch { "male" => Sex.Male, "female" => Sex.Female, "other" => Sex.Other, _ => null };
                    if (sex is null)
                    {
                        return Fail("gender: use male, female or other");
                    }

                    q = q with { Gender = sex };
                    break;
                case "identifier":
                    var token = TokenParameter.Parse(value);
                    if (token.Value is null)
                    {
                        return Fail("identifier: use system|value or value");
                    }

                    q = q with { Identifier = token };
                    break;
                case "_count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > MaxCount)
                    {
                        return Fail($"_count: a whole number from 1 to {MaxCount}");
                    }

                    q = q with { Count = count };
                    break;
                case "_format":
                    if (value is not ("json" or "application/fhir+json" or "application/json"))
                    {
                        return Fail("_format: only json is served");
                    }

                    break;
                default:
                    break;
            }
        }

        return ParseResult<PdqmQuery>.Ok(q);
    }

    /// <summary>A birthdate value as an inclusive day range; partial dates cover their whole year or month.</summary>
    internal static (DateOnly? From, DateOnly? To)? ParseDateRange(string value)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetterLower(value[0]) ? value[..2] : "eq";
        var date = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        DateOnly first;
        DateOnly last;
        if (date.Length == 4 && DateOnly.TryParseExact(date + "-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            last = first.AddYears(1).AddDays(-1);
        }
        else if (date.Length == 7 && DateOnly.TryParseExact(date + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            last = first.AddMonths(1).AddDays(-1);
        }
        else if (date.Length == 10 && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            last = first;
        }
        else
        {
            return null;
        }

        return prefix switch
        {
            "eq" => (first, last),
            "ge" => (first, null),
            "gt" => (last.AddDays(1), null),
            "le" => (null, last),
            "lt" => (null, first.AddDays(-1)),
            _ => null,
        };
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40];

    private static ParseResult<PdqmQuery> Fail(string message) => ParseResult<PdqmQuery>.Fail(message);
}
