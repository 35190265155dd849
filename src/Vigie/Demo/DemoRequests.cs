using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Vigie.Core.Access;
using Vigie.Registry;
using Vigie.Seeding;
using Vigie.Simulation.Trace;

namespace Vigie.Demo;

/// <summary>
/// Turns a trace line into the HTTP request a professional's software would send: a PDQm search, a $match or a
/// read, from the line's address (X-Forwarded-For, the demo server trusts its loopback proxy) and browser.
/// </summary>
internal static class DemoRequests
{
    private static readonly FhirJsonSerializer Json = new();

    /// <returns>The request, or null when the line reads a patient the registry does not hold (nothing to send).</returns>
    public static HttpRequestMessage? For(TraceEvent line, PatientDirectory directory, string token)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(directory);
        var a = line.Access;
        HttpRequestMessage request;
        switch (a.Action)
        {
            case AccessAction.Read:
                if (a.Patients.Count == 0 || directory.Find(a.Patients[0].Value) is not { } id)
                {
                    return null;
                }

                request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient/" + Uri.EscapeDataString(id.Value));
                if (a.Purpose is { Length: > 0 } purpose)
                {
                    request.Headers.Add(BreakTheGlassHeaders.Purpose, "ETREAT");
                    request.Headers.Add(BreakTheGlassHeaders.Reason, Uri.EscapeDataString(purpose));
                }

                break;
            case AccessAction.Match:
                request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Patient/$match")
                {
                    Content = new StringContent(Json.SerializeToString(MatchParameters(line.Query)), Encoding.UTF8, "application/fhir+json"),
                };
                break;
            default:
                var query = string.Join('&', (line.Query?.Parameters() ?? []).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
                request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient" + (query.Length == 0 ? "" : "?" + query));
                break;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (a.ClientIp is { } ip)
        {
            request.Headers.Add("X-Forwarded-For", ip);
        }

        if (a.UserAgent is { } agent)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
        }

        return request;
    }

    private static Parameters MatchParameters(TraceQuery? query)
    {
        var patient = new Patient();
        if (query?.Family is { } family)
        {
            patient.Name.Add(new HumanName { Family = family, Given = query.Given is { } g ? [g] : [] });
        }

        if (query?.BirthDate is { } birth)
        {
            patient.BirthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        patient.Gender = query?.Gender switch
        {
            "female" => AdministrativeGender.Female,
            "male" => AdministrativeGender.Male,
            "other" => AdministrativeGender.Other,
            "unknown" => AdministrativeGender.Unknown,
            _ => null,
        };
        if (query?.Identifier is { } identifier)
        {
            patient.Identifier.Add(new Identifier(null, identifier));
        }

        var parameters = new Parameters();
        parameters.Add("resource", patient);
        return parameters;
    }

    /// <summary>The patients a successful answer disclosed: the ids in a search or match Bundle, or the read patient.</summary>
    public static IReadOnlyList<string> Disclosed(TraceEvent line, string body, PatientDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Access.Action == AccessAction.Read)
        {
            return directory.Find(line.Access.Patients[0].Value) is { } id ? [id.Value] : [];
        }

        var ids = new List<string>();
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        if (doc.RootElement.TryGetProperty("entry", out var entries))
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.TryGetProperty("resource", out var resource) && resource.TryGetProperty("resourceType", out var type) && type.GetString() == "Patient"
                    && resource.TryGetProperty("id", out var id) && id.GetString() is { } value)
                {
                    ids.Add(value);
                }
            }
        }

        return ids;
    }
}
