using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Hosting;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Benchmarks.Micro;

/// <summary>
/// What the host does per request to authenticate and authorise, outside HTTP: validate the bearer token (ES256,
/// signing key already known: the state of a warm JWKS cache), map its claims, look the professional up, decide.
/// </summary>
internal sealed class AuthFixture : IAsyncDisposable
{
    public const string Issuer = "http://127.0.0.1/vigie-bench/";
    public const string Physician = "810007654329";
    public const string Finess = "590780193";

    private readonly AuthSettings _auth = new();
    private readonly TokenValidationParameters _parameters;
    private readonly JsonWebTokenHandler _handler;
    private readonly string _directory;
    private readonly SearchCriteria _search = new(6, true, 0, false, 1, false, false, 20);
    private VigieDbContext _db = null!;

    public AuthFixture()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vigie-bench-auth-" + Guid.NewGuid().ToString("N")[..8]);
        var keys = SigningKeys.LoadOrCreate(_directory);
        _parameters = TokenValidation.Parameters(_auth, Issuer, _auth.Audience, keys.Signing);
        _handler = TokenValidation.Handler(_auth);
        var now = DateTimeOffset.UtcNow;
        Token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = _auth.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(2).UtcDateTime,
            SigningCredentials = keys.Credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Physician,
                ["SubjectNameID"] = Physician,
                ["SubjectRefPro"] = ProSanteConnectClaims.Build([("10", null, Finess)]),
                ["acr"] = "eidas1",
                ["auth_time"] = now.ToUnixTimeSeconds(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        });
    }

    public string Token { get; }

    public async Task InitialiseAsync()
    {
        var settings = new VigieSettings { DataDirectory = _directory };
        await StorageSetup.MigrateAsync(settings, CancellationToken.None);
        _db = StorageSetup.CreateContext(settings);
        _db.Establishments.Add(new EstablishmentRow { Finess = Finess, Name = "CHU bench", IppSystem = "urn:oid:1.2.250.1.71.4.2.7." + Finess });
        await _db.SaveChangesAsync();
        await Professionals.AddAsync(_db, Physician, Finess, "10", Role.None, "Bench", DateTimeOffset.UtcNow, CancellationToken.None);
        _db.ChangeTracker.Clear();
    }

    public async Task<ClaimsIdentity> ValidateAsync()
    {
        var result = await _handler.ValidateTokenAsync(Token, _parameters);
        return result.IsValid ? result.ClaimsIdentity : throw new InvalidOperationException("bench token refused", result.Exception);
    }

    /// <summary>Validation, claim mapping and the pure decisions; no database.</summary>
    public async Task<AccessDecision> ValidateAndDecideAsync()
    {
        var claims = new ClaimsPrincipal(await ValidateAsync());
        var activities = ProSanteConnectClaims.Activities(claims);
        var roles = activities.Aggregate(Role.None, (r, a) => r | _auth.Policy.Roles.Map(a));
        var principal = new AccessPrincipal(PrincipalKind.Professional, Physician, [activities[0].Establishment], roles,
            new AuthenticationInfo("eidas1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        return Decide(principal);
    }

    /// <summary>Everything the host does: validation, the professionals table lookup (SQLite), the decisions.</summary>
    public async Task<AccessDecision> ValidateResolveAndDecideAsync()
    {
        var claims = new ClaimsPrincipal(await ValidateAsync());
        var resolved = await PrincipalResolver.ResolveAsync(claims, _db, _auth.Policy, CancellationToken.None);
        return Decide(resolved.Principal ?? throw new InvalidOperationException(resolved.Failure));
    }

    private AccessDecision Decide(AccessPrincipal principal)
    {
        var decision = AccessRules.Authorize(_auth.Policy, principal, AccessAction.Search, DateTimeOffset.UtcNow);
        return decision.IsAllowed ? SearchPolicy.Check(_auth.Policy.Search, _search) : decision;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp cleaner.
        }
    }
}
