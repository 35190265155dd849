using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Vigie.Fhir;

/// <summary>
/// Reads a FHIR JSON body with a size limit and turns every way it can be wrong into a 4xx OperationOutcome:
/// too large, not JSON, not valid UTF-8, structurally invalid FHIR, or the wrong resourceType.
/// </summary>
internal static class FhirBody
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public readonly record struct Read<T>(T? Resource, FhirResult? Error)
        where T : Resource;

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, long limit, CancellationToken ct)
        where T : Resource
    {
        if (!IsJson(request.ContentType))
        {
            return new(null, Outcomes.UnsupportedMediaType());
        }

        if (request.ContentLength > limit)
        {
            return new(null, Outcomes.TooLarge(limit));
        }

        var bytes = await ReadLimitedAsync(request.Body, limit, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return new(null, Outcomes.TooLarge(limit));
        }

        return Parse<T>(bytes);
    }

    public static Read<T> Parse<T>(ReadOnlySpan<byte> bytes)
        where T : Resource
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new(null, Outcomes.BadRequest("the body is not valid UTF-8"));
        }

        Resource resource;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            resource = Deserializer.DeserializeResource(ref reader);
        }
        catch (DeserializationFailedException e)
        {
            var issues = e.Exceptions.Take(10).Select(x => x.Message);
            return new(null, Outcomes.BadRequest("the body is not a valid FHIR resource: " + string.Join("; ", issues)));
        }
        catch (JsonException)
        {
            return new(null, Outcomes.BadRequest("the body is not well-formed JSON"));
        }
        catch (FormatException)
        {
            return new(null, Outcomes.BadRequest("the body is not a valid FHIR resource"));
        }

        return resource is T typed
            ? new(typed, null)
            : new(null, Outcomes.BadRequest($"expected a {typeof(T).Name} resource, got {resource.TypeName}", "resourceType"));
    }

    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true; // Lenient: curl users often omit it; the body is still parsed strictly.
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/fhir+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await body.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
