using System.Net;
using System.Net.Sockets;
using System.Text;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;

namespace Vigie.Tests.Auth;

/// <summary>Malformed Authorization headers, huge tokens and wrong encodings: 400 or 401, never 500.</summary>
public sealed class MalformedAuthorizationTests
{
    private const string Url = "/fhir/Patient?family=DUPONT&birthdate=1980-05-17";

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer ...")]
    [InlineData("Bearer !!!.???.###")]
    [InlineData("Bearer eyJhbGciOiJFUzI1NiJ9.e30.e30 trailing")]
    [InlineData("Bearer eyJ%%%")]
    [InlineData("bearer x")]
    [InlineData("Negotiate abc")]
    public async Task MalformedHeader_Is401WithOutcome(string header)
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Url, null, headers: h => h.TryAddWithoutValidation("Authorization", header));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Url, null, headers: h =>
        {
            h.TryAddWithoutValidation("Authorization", "Bearer " + server.Tokens.Physician);
            h.TryAddWithoutValidation("Authorization", "Bearer " + server.Tokens.Nurse);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HugeToken_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var huge = server.Tokens.Physician + new string('A', 40_000);
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Url, huge);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task HeaderBeyondKestrelsLimit_Is4xxNot500()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Url, new string('A', 100_000));
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28, 0xA0, 0xA1 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x41 })]
    [InlineData(new byte[] { 0xE2, 0x82, 0xAC })]
    public async Task NonAsciiBytesInHeader_Are400Or401(byte[] garbage)
    {
        await using var server = await VigieTestServer.StartAsync();
        var address = server.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var head = Encoding.ASCII.GetBytes($"GET {Url} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer ");
        await stream.WriteAsync(head.Concat(garbage).Concat(Encoding.ASCII.GetBytes("\r\nConnection: close\r\n\r\n")).ToArray());
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();
        Assert.Matches("^HTTP/1.1 (400|401) ", statusLine!);
    }
}
