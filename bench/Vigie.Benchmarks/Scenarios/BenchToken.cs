using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Core.Access;
using Vigie.Hosting;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>A physician seeded in the benchmark's registry, and a token for them from the built-in provider's key.</summary>
internal static class BenchToken
{
    public const string Physician = "810007654329";

    public static async Task<string> PhysicianAsync(VigieSettings settings)
    {
        await using var db = StorageSetup.CreateContext(settings);
        var finess = await db.Establishments.Select(e => e.Finess).FirstAsync();
        var now = TimeProvider.System.GetUtcNow();
        var added = await Professionals.AddAsync(db, Physician, finess, "10", Role.None, "Bench physician", now, CancellationToken.None);
        if (!added.Success)
        {
            throw new InvalidOperationException(added.Error);
        }

        var options = new BuiltInTokens.Options(BuiltInProvider.IssuerOf(settings), settings.Auth.Audience, TimeSpan.FromHours(2), "eidas1", TimeSpan.Zero);
        return (await BuiltInTokens.ForProfessionalAsync(db, SigningKeys.LoadOrCreate(settings.DataDirectory), options, Physician, now, CancellationToken.None)).Value;
    }
}
