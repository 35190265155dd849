using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Vigie.Hosting;
using Vigie.Storage.Registry;
using Vigie.Testing;

namespace Vigie.Tests.Support;

/// <summary>
/// A real Vigie server for one test: Kestrel on a free loopback port, real HTTP through HttpClient,
/// over that test's own SQLite file or PostgreSQL database.
/// </summary>
public sealed class VigieTestServer : IAsyncDisposable
{
    public const string Finess = "590780193";
    public const string OtherFiness = "620100685";
    public static readonly string IppSystem = "urn:oid:1.2.250.1.71.4.2.7." + Finess;
    public static readonly string OtherIppSystem = "urn:oid:1.2.250.1.71.4.2.7." + OtherFiness;

    private readonly WebApplication _app;

    private VigieTestServer(WebApplication app, TestDatabase database, HttpClient client)
    {
        _app = app;
        Database = database;
        Client = client;
    }

    public TestDatabase Database { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<VigieTestServer> StartAsync(string provider = TestDatabase.Sqlite, Action<IServiceCollection>? configure = null, Func<VigieSettings, VigieSettings>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Establishments.Add(new EstablishmentRow { Finess = Finess, Name = "CHU test", IppSystem = IppSystem });
            db.Establishments.Add(new EstablishmentRow { Finess = OtherFiness, Name = "CH test", IppSystem = OtherIppSystem });
            await db.SaveChangesAsync();
        }

        var s = new VigieSettings
        {
            DataDirectory = database.DataDirectory,
            PostgresConnectionString = database.PostgresConnectionString,
            Urls = "http://127.0.0.1:0",
        };
        s = settings?.Invoke(s) ?? s;
        var app = VigieWebApp.Create(s, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new VigieTestServer(app, database, client);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/fhir+json");

    public static StringContent Json(Resource resource) => Json(FhirJsonSerializer.Default.SerializeToString(resource));

    public static string ToJson(Resource resource) => FhirJsonSerializer.Default.SerializeToString(resource);

    public async Task<(HttpResponseMessage Response, T? Resource)> SendAsync<T>(HttpMethod method, string url, HttpContent? content = null, Action<HttpRequestHeaders>? headers = null)
        where T : Resource
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        headers?.Invoke(request.Headers);
        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (body.Length == 0)
        {
            return (response, null);
        }

        var parsed = Vigie.Fhir.FhirBody.Parse<Resource>(body);
        return (response, parsed.Resource as T);
    }

    public Task<(HttpResponseMessage Response, Patient? Resource)> CreateAsync(Patient patient) =>
        SendAsync<Patient>(HttpMethod.Post, "/fhir/Patient", Json(patient));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
