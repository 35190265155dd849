using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Hosting;
using Vigie.Storage.Registry;
using Vigie.Testing;

namespace Vigie.Tests.Support;

/// <summary>
/// A real Vigie server for one test: Kestrel on a free loopback port, real HTTP through HttpClient,
/// over that test's own SQLite file or PostgreSQL database. The built-in identity provider runs, with its issuer
/// on the server's own address; the seeded principals (<see cref="TestPrincipals"/>) have real signed tokens in
/// <see cref="Tokens"/>, validated by the server exactly as any other token.
/// </summary>
public sealed class VigieTestServer : IAsyncDisposable
{
    public const string Finess = "590780193";
    public const string OtherFiness = "620100685";
    public const string RedirectUri = "http://127.0.0.1/callback";
    public static readonly string IppSystem = "urn:oid:1.2.250.1.71.4.2.7." + Finess;
    public static readonly string OtherIppSystem = "urn:oid:1.2.250.1.71.4.2.7." + OtherFiness;

    private WebApplication _app;
    private Action<IServiceCollection>? _configure;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    private VigieTestServer(WebApplication app, TestDatabase database, HttpClient client, VigieSettings settings, TestTokens tokens)
    {
        _app = app;
        Database = database;
        Client = client;
        Settings = settings;
        Tokens = tokens;
    }

    public TestDatabase Database { get; }

    /// <summary>A client without token.</summary>
    public HttpClient Client { get; private set; }

    public IServiceProvider Services => _app.Services;

    public VigieSettings Settings { get; }

    /// <summary>Tokens of the seeded principals.</summary>
    public TestTokens Tokens { get; }

    public string Issuer => BuiltInProvider.IssuerOf(Settings);

    public static async Task<VigieTestServer> StartAsync(string provider = TestDatabase.Sqlite, Action<IServiceCollection>? configure = null, Func<VigieSettings, VigieSettings>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Establishments.Add(new EstablishmentRow { Finess = Finess, Name = "CHU test", IppSystem = IppSystem });
            db.Establishments.Add(new EstablishmentRow { Finess = OtherFiness, Name = "CH test", IppSystem = OtherIppSystem });
            await db.SaveChangesAsync();
            var now = TimeProvider.System.GetUtcNow();
            foreach (var (id, finess, profession, roles, name) in TestPrincipals.Seeded)
            {
                Assert.True((await Professionals.AddAsync(db, id, finess, profession, roles, name, now, default)).Success);
            }

            Assert.True((await Professionals.AddOfficerAsync(db, TestPrincipals.Officer, now, default)).Success);
        }

        // The issuer is the server's own URL (so that its discovery document is right): take a free port first.
        var url = "http://127.0.0.1:" + FreePort();
        var s = new VigieSettings
        {
            DataDirectory = database.DataDirectory,
            PostgresConnectionString = database.PostgresConnectionString,
            Urls = url,
            Auth = new AuthSettings { BuiltInProvider = true, BuiltInIssuer = url + "/", BuiltInRedirectUris = [RedirectUri] },
        };
        s = settings?.Invoke(s) ?? s;
        var app = VigieWebApp.Create(s, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new VigieTestServer(app, database, client, s, await MintSeededAsync(database, s)) { _configure = configure };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<TestTokens> MintSeededAsync(TestDatabase database, VigieSettings settings)
    {
        await using var db = database.NewContext();
        var keys = SigningKeys.LoadOrCreate(settings.DataDirectory);
        var options = new BuiltInTokens.Options(BuiltInProvider.IssuerOf(settings), settings.Auth.Audience, TimeSpan.FromHours(1), "eidas1", TimeSpan.Zero);
        var now = TimeProvider.System.GetUtcNow();
        async Task<string> Pro(string id) => (await BuiltInTokens.ForProfessionalAsync(db, keys, options, id, now, default)).Value;
        return new TestTokens(await Pro(TestPrincipals.Admission), await Pro(TestPrincipals.Physician), await Pro(TestPrincipals.Vigilance), await Pro(TestPrincipals.Nurse),
            BuiltInTokens.ForSystem(keys, options, Finess, now), BuiltInTokens.ForSystem(keys, options, OtherFiness, now),
            BuiltInTokens.ForSecurityOfficer(keys, options, TestPrincipals.Officer, now));
    }

    /// <summary>A token minted now for a professional, with a chosen acr, lifetime and sign-in age.</summary>
    public async Task<string> TokenForAsync(string nationalId, string? acr = "eidas1", TimeSpan? lifetime = null, TimeSpan? authAge = null, DateTimeOffset? now = null)
    {
        await using var db = Database.NewContext();
        var options = new BuiltInTokens.Options(Issuer, Settings.Auth.Audience, lifetime ?? TimeSpan.FromMinutes(10), acr, authAge ?? TimeSpan.Zero);
        var minted = await BuiltInTokens.ForProfessionalAsync(db, SigningKeys.LoadOrCreate(Settings.DataDirectory), options, nationalId, now ?? TimeProvider.System.GetUtcNow(), default);
        Assert.True(minted.Success, minted.Error);
        return minted.Value;
    }

    /// <summary>A client whose requests carry this bearer token (disposed with the server).</summary>
    public HttpClient As(string token)
    {
        if (!_clients.TryGetValue(token, out var client))
        {
            client = new HttpClient { BaseAddress = Client.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            _clients[token] = client;
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/fhir+json");

    public static StringContent Json(Resource resource) => Json(FhirJsonSerializer.Default.SerializeToString(resource));

    public static string ToJson(Resource resource) => FhirJsonSerializer.Default.SerializeToString(resource);

    /// <summary>Sends a request with <paramref name="token"/> as bearer token (none when null) and parses the FHIR answer.</summary>
    public async Task<(HttpResponseMessage Response, T? Resource)> SendAsync<T>(HttpMethod method, string url, string? token, HttpContent? content = null, Action<HttpRequestHeaders>? headers = null)
        where T : Resource
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

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

    /// <summary>Registers a patient as its establishment's system account would (chosen from the IPP system).</summary>
    public Task<(HttpResponseMessage Response, Patient? Resource)> CreateAsync(Patient patient)
    {
        var system = patient.Identifier.FirstOrDefault()?.System;
        return SendAsync<Patient>(HttpMethod.Post, "/fhir/Patient", system == OtherIppSystem ? Tokens.SystemOther : Tokens.SystemChu, Json(patient));
    }

    private bool _stopped;

    /// <summary>
    /// A node restart: stops the server and starts a new one on the same database, address and keys (tokens stay
    /// valid); whatever lived only in the old process's memory is gone.
    /// </summary>
    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
        var address = Client.BaseAddress;
        Client.Dispose();
        _app = VigieWebApp.Create(Settings, _configure);
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>Stops the server (its journal writer flushes and signs a last checkpoint) but keeps the database.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Client.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Database.DisposeAsync();
    }
}
