using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

/// <summary>PIXm ITI-83 and its error codes.</summary>
public sealed class PixmTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<VigieTestServer> WithLinkedPersonAsync(string provider)
    {
        var server = await VigieTestServer.StartAsync(provider);
        await server.CreateAsync(Patients.Make("IPP-1"));
        await server.CreateAsync(Patients.Make("X-77", system: VigieTestServer.OtherIppSystem));
        return server;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pix_KnownIdentifier_ReturnsTheOtherDomainsIdentifier(string provider)
    {
        await using var server = await WithLinkedPersonAsync(provider);
        var (response, parameters) = await server.SendAsync<Parameters>(HttpMethod.Get,
            $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.IppSystem}|IPP-1", server.Tokens.SystemChu);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var targets = parameters!.Parameter.Where(p => p.Name == "targetIdentifier").Select(p => (Identifier)p.Value).ToList();
        var target = Assert.Single(targets);
        Assert.Equal(VigieTestServer.OtherIppSystem, target.System);
        Assert.Equal("X-77", target.Value);
        Assert.Single(parameters.Parameter, p => p.Name == "targetId");
    }

    [Fact]
    public async Task Pix_WithTargetSystem_FiltersToThatDomain()
    {
        await using var server = await WithLinkedPersonAsync(TestDatabase.Sqlite);
        var (response, parameters) = await server.SendAsync<Parameters>(HttpMethod.Get,
            $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.IppSystem}|IPP-1&targetSystem=urn:oid:1.2.250.1.213.1.4.8", server.Tokens.SystemChu);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(parameters!.Parameter, p => p.Name == "targetIdentifier");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pix_UnknownIdentifier_Is404(string provider)
    {
        await using var server = await WithLinkedPersonAsync(provider);
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.IppSystem}|NOPE", server.Tokens.SystemChu);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task Pix_UnknownSourceDomain_Is400()
    {
        await using var server = await WithLinkedPersonAsync(TestDatabase.Sqlite);
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/$ihe-pix?sourceIdentifier=urn:oid:9.9.9|IPP-1", server.Tokens.SystemChu);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task Pix_UnknownTargetDomain_Is403()
    {
        await using var server = await WithLinkedPersonAsync(TestDatabase.Sqlite);
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get,
            $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.IppSystem}|IPP-1&targetSystem=urn:oid:9.9.9", server.Tokens.SystemChu);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task Pix_WithoutSourceIdentifier_Is400()
    {
        await using var server = await WithLinkedPersonAsync(TestDatabase.Sqlite);
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/$ihe-pix", server.Tokens.SystemChu);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
