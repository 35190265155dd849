using System.Net;
using System.Net.Sockets;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Tests.Journal;

/// <summary>The HTTP witness against a real HTTP listener on loopback.</summary>
public sealed class HttpCheckpointWitnessTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _endpoint;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigie-witness-" + Guid.NewGuid().ToString("N")[..12]);

    public HttpCheckpointWitnessTests()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _endpoint = new Uri($"http://127.0.0.1:{port}/witness/");
        _listener.Prefixes.Add(_endpoint.ToString());
        _listener.Start();
    }

    [Fact]
    public async Task Submit_PostsTheSignedNoteAsText()
    {
        using var key = JournalSigningKey.LoadOrCreate(_directory, Journals.Origin);
        var signed = key.Sign(new Checkpoint(Journals.Origin, 42, MerkleHash.Empty, Journals.Start));
        using var client = new HttpClient();
        var received = Serve(HttpStatusCode.OK);
        await new HttpCheckpointWitness(client, _endpoint).SubmitAsync(signed, CancellationToken.None);
        var (method, contentType, body) = await received;
        Assert.Equal("POST", method);
        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        Assert.Equal(signed.Note, body);
        Assert.True(CheckpointNote.Open(body, key.PublicKey).Success);
    }

    [Fact]
    public async Task WitnessRefusal_IsAnError()
    {
        using var key = JournalSigningKey.LoadOrCreate(_directory, Journals.Origin);
        var signed = key.Sign(new Checkpoint(Journals.Origin, 42, MerkleHash.Empty, Journals.Start));
        using var client = new HttpClient();
        var received = Serve(HttpStatusCode.Conflict);
        await Assert.ThrowsAsync<HttpRequestException>(() => new HttpCheckpointWitness(client, _endpoint).SubmitAsync(signed, CancellationToken.None));
        await received;
    }

    public void Dispose()
    {
        ((IDisposable)_listener).Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<(string Method, string ContentType, string Body)> Serve(HttpStatusCode status)
    {
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return (context.Request.HttpMethod, context.Request.ContentType ?? "", body);
    }
}
