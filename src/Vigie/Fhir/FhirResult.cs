using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Vigie.Fhir;

/// <summary>Writes a Firely resource as application/fhir+json with a status code and optional headers.</summary>
internal sealed class FhirResult(Resource resource, int statusCode, string? location = null, string? etag = null) : IResult
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    // Set by Serialize: the body rendered ahead, while the request's journal entries are being written.
    private byte[]? _body;

    public Resource Resource => resource;

    public int StatusCode => statusCode;

    /// <summary>Serializes the resource now rather than when the answer is written; returns this result.</summary>
    public FhirResult Serialize()
    {
        _body = FhirJsonSerializer.Default.SerializeToBytes(resource);
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        var bytes = _body ?? FhirJsonSerializer.Default.SerializeToBytes(resource);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
