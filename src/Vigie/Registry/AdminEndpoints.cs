using System.Text.Json;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>The identity-vigilance administration API under /admin.</summary>
internal static class AdminEndpoints
{
    public sealed record MergeRequest(string Source, string Target);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAccess(AccessAction.Administer);
        admin.MapGet("/duplicates", ListDuplicatesAsync);
        admin.MapPost("/merges", MergeAsync);
        admin.MapPost("/merges/{id:long}/undo", UnmergeAsync);
        return app;
    }

    /// <summary>Streams the queue as NDJSON, one suspected pair per line (same lines as `vigie duplicates --json`).</summary>
    private static async Task ListDuplicatesAsync(HttpContext http, VigieDbContext db, bool? includeLinked, bool? includeResolved, CancellationToken ct)
    {
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var chunk = new List<DuplicateReport.Line>(ChunkLines);
        await foreach (var line in DuplicateReport.ReadAsync(db, includeLinked ?? false, includeResolved ?? false, ct).ConfigureAwait(false))
        {
            chunk.Add(line);
            if (chunk.Count == ChunkLines)
            {
                await WriteChunkAsync(http, chunk, ct).ConfigureAwait(false);
            }
        }

        await WriteChunkAsync(http, chunk, ct).ConfigureAwait(false);
    }

    private const int ChunkLines = 1000;

    // Each chunk's patients are journaled before its lines leave: the stream never runs ahead of the journal.
    private static async Task WriteChunkAsync(HttpContext http, List<DuplicateReport.Line> chunk, CancellationToken ct)
    {
        if (chunk.Count == 0 && http.Response.HasStarted)
        {
            return;
        }

        var ids = chunk.SelectMany(l => l.IdentityB is null ? [l.IdentityA] : new[] { l.IdentityA, l.IdentityB }).Distinct(StringComparer.Ordinal).ToList();
        await http.JournalAsync(JournalAction.DuplicateReview, ids, DisclosedData.Identity).ConfigureAwait(false);
        foreach (var line in chunk)
        {
            await JsonSerializer.SerializeAsync(http.Response.Body, line, cancellationToken: ct).ConfigureAwait(false);
            await http.Response.Body.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        }

        chunk.Clear();
        await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static async Task<IResult> MergeAsync(MergeRequest? request, HttpContext http, IdentityMerging merging, ILoggerFactory logs, CancellationToken ct)
    {
        if (request is null || string.IsNullOrEmpty(request.Source) || string.IsNullOrEmpty(request.Target))
        {
            return Outcomes.BadRequest("give {\"source\": id, \"target\": id}: the source is merged into the target");
        }

        var (result, eventId) = await merging.MergeAsync(request.Source, request.Target, http.AccessPrincipal().Subject, ct).ConfigureAwait(false);
        var patients = new[] { request.Source, request.Target }.Where(p => Vigie.Core.Identity.PatientId.Parse(p).Success).ToList();
        await http.JournalAsync(JournalAction.Merge, patients, DisclosedData.None, OutcomeOf(result), $"event={eventId};{result}").ConfigureAwait(false);
        if (result == IdentityMerging.Result.Done)
        {
            LogMessages.Merged(logs.CreateLogger("Vigie.Registry"), request.Source, request.Target, eventId);
        }

        return ToResult(result, eventId);
    }

    private static async Task<IResult> UnmergeAsync(long id, HttpContext http, IdentityMerging merging, ILoggerFactory logs, CancellationToken ct)
    {
        var (result, eventId) = await merging.UnmergeAsync(id, http.AccessPrincipal().Subject, ct).ConfigureAwait(false);
        await http.JournalAsync(JournalAction.Unmerge, [], DisclosedData.None, OutcomeOf(result), $"event={id};{result}").ConfigureAwait(false);
        if (result == IdentityMerging.Result.Done)
        {
            LogMessages.Unmerged(logs.CreateLogger("Vigie.Registry"), id);
        }

        return ToResult(result, eventId);
    }

    private static JournalOutcome OutcomeOf(IdentityMerging.Result result) => result switch
    {
        IdentityMerging.Result.Done => JournalOutcome.Success,
        IdentityMerging.Result.NotFound => JournalOutcome.NotFound,
        _ => JournalOutcome.Failed,
    };

    private static IResult ToResult(IdentityMerging.Result result, long eventId) => result switch
    {
        IdentityMerging.Result.Done => Results.Ok(new { eventId }),
        IdentityMerging.Result.NotFound => Outcomes.NotFound("no such identity or merge event"),
        IdentityMerging.Result.SameIdentity => Outcomes.BadRequest("source and target are the same identity"),
        IdentityMerging.Result.SourceInactive => Outcomes.Conflict("the source identity is already merged"),
        IdentityMerging.Result.TargetInactive => Outcomes.Conflict("the target identity is merged into another; merge into the surviving one"),
        IdentityMerging.Result.AlreadyUndone => Outcomes.Conflict("this merge was already undone"),
        IdentityMerging.Result.NotLatest => Outcomes.Conflict("a later merge involves these identities; undo it first"),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
