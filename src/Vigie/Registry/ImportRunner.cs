using System.Diagnostics;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>Registers checked records chunk by chunk inside one transaction, reporting progress on stderr.</summary>
internal static class ImportRunner
{
    public sealed record Totals(int Created, int Linked, int Already, int Queued);

    /// <param name="db">The context holding the import's one transaction.</param>
    /// <param name="registrationFor">Registration for the next chunk, given the identities created so far (the prior follows the register's size).</param>
    /// <param name="requests">Checked records.</param>
    /// <param name="chunkSize">Records per chunk.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Totals> RunAsync(VigieDbContext db, Func<long, IdentityRegistration> registrationFor, IReadOnlyList<RegistrationRequest> requests, int chunkSize, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        int created = 0, linked = 0, already = 0, queued = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        for (var start = 0; start < requests.Count; start += chunkSize)
        {
            var chunk = requests.Skip(start).Take(chunkSize).ToList();
            foreach (var o in await registrationFor(created).RegisterChunkAsync(chunk, ct).ConfigureAwait(false))
            {
                switch (o.Kind)
                {
                    case RegistrationKind.Created: created++; break;
                    case RegistrationKind.Linked: linked++; break;
                    default: already++; break;
                }

                queued += o.QueuedForReview;
            }

            var done = start + chunk.Count;
            var rate = done / Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001);
            Console.Error.Write($"\r{done}/{requests.Count} records ({rate:F0}/s)   ");
        }

        Console.Error.WriteLine();
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new Totals(created, linked, already, queued);
    }
}
