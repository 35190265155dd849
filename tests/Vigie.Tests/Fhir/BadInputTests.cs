using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Fhir;

/// <summary>Every malformed request answers 4xx with an OperationOutcome, never 500, and writes nothing.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task AssertRefusedAsync(VigieTestServer server, HttpResponseMessage response, Resource? body, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(body);
        Assert.NotEmpty(outcome.Issue);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Issue[0].Diagnostics));
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.Identities.Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_WithMalformedJson_Is400(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json("{\"resourceType\":\"Patient\","));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithWrongResourceType_Is400()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(new Organization { Name = "x" }));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.BadRequest);
        Assert.Contains("Patient", ((OperationOutcome)body!).Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1980-02-31")]
    [InlineData("1980-13-01")]
    [InlineData("2999-01-01")]
    [InlineData("1980")]
    public async Task Create_WithImpossibleOrPartialBirthDate_IsRefused(string date)
    {
        await using var server = await VigieTestServer.StartAsync();
        var json = VigieTestServer.ToJson(Patients.Make("1")).Replace("\"1980-05-17\"", "\"" + date + "\"", StringComparison.Ordinal);
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(json));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
        await AssertRefusedAsync(server, response, body, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithOverLongName_Is422()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(Patients.Make("1", family: new string('A', 500))));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Create_WithOverLongAddressLine_Is422()
    {
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("1");
        patient.Address[0].Line = [new string('x', 1000)];
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(patient));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("Du\\u0000pont")]
    [InlineData("Du\\u001bpont")]
    [InlineData("Dupont\\n")]
    public async Task Create_WithControlCharacterInName_IsRefused(string escaped)
    {
        await using var server = await VigieTestServer.StartAsync();
        var json = VigieTestServer.ToJson(Patients.Make("1")).Replace("\"Dupont\"", "\"" + escaped + "\"", StringComparison.Ordinal);
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(json));
        Assert.True((int)response.StatusCode is >= 400 and < 500, response.StatusCode.ToString());
        await AssertRefusedAsync(server, response, body, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithControlCharacterInPhone_Is422()
    {
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("1");
        patient.Telecom[0].Value = "06\u000712";
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(patient));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("/fhir/Patient?family=DUPONT&colour=blue")]
    [InlineData("/fhir/Patient?family:contains=DUP")]
    [InlineData("/fhir/Patient?_count=abc")]
    [InlineData("/fhir/Patient?_count=100000")]
    [InlineData("/fhir/Patient?birthdate=17/05/1980")]
    [InlineData("/fhir/Patient?gender=robot")]
    [InlineData("/fhir/Patient?family=DUPONT&family=MARTIN")]
    public async Task Search_WithUnknownOrBadParameter_Is400(string url)
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Get, url, server.Tokens.Physician);
        await AssertRefusedAsync(server, response, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithOversizedBody_Is413()
    {
        await using var server = await VigieTestServer.StartAsync();
        var padding = new string(' ', 2 * 1024 * 1024);
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json("{" + padding + "\"resourceType\":\"Patient\"}"));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Batch_OverKestrelLimit_Is413()
    {
        await using var server = await VigieTestServer.StartAsync(settings: s => s with { MaxBatchBodyBytes = 64 * 1024 });
        var padding = new string(' ', 256 * 1024);
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir", server.Tokens.SystemChu, VigieTestServer.Json("{" + padding + "\"resourceType\":\"Bundle\"}"));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Read_UnknownId_Is404WithOutcome(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient/p-doesnotexist", server.Tokens.Admission);
        await AssertRefusedAsync(server, response, body, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Read_InvalidId_Is400()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient/" + new string('a', 65), server.Tokens.Admission);
        await AssertRefusedAsync(server, response, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownRoute_Is404WithOutcome()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Observation/1", server.Tokens.Physician);
        await AssertRefusedAsync(server, response, body, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WithInvalidUtf8_Is400()
    {
        await using var server = await VigieTestServer.StartAsync();
        var bytes = new ByteArrayContent([(byte)'{', 0xC3, 0x28, (byte)'}']);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fhir+json");
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, bytes);
        await AssertRefusedAsync(server, response, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithInsButNotQualified_Is422()
    {
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("1");
        patient.Identifier.Add(new Identifier("urn:oid:1.2.250.1.213.1.4.8", ValidNir));
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(patient));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("QUAL", ((OperationOutcome)body!).Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithUnknownEstablishmentSystem_Is422()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(Patients.Make("1", system: "urn:oid:1.2.3.4.5")));
        await AssertRefusedAsync(server, response, body, HttpStatusCode.UnprocessableEntity);
    }

    /// <summary>A NIR with a correct key: 97 - (1800559123456 mod 97).</summary>
    internal static string ValidNir
    {
        get
        {
            const long body = 1800559123456;
            var key = 97 - (body % 97);
            return body.ToString(System.Globalization.CultureInfo.InvariantCulture) + key.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
