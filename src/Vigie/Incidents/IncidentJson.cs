using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Incidents;

/// <summary>
/// The JSON form of incidents and scopes, the same from the CLI and the API. Categories are lists of codes
/// (identite, telephone, courriel, adresse) rather than a flags number; proofs carry their path in base64.
/// </summary>
internal static class IncidentJson
{
    /// <summary>camelCase, enums as text, French letters kept readable; HTML-significant characters still escaped.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record SelectorsDto(IReadOnlyList<string> Accounts, IReadOnlyList<string> Sessions, IReadOnlyList<string> ClientIps, IReadOnlyList<string> UserAgents);

    public sealed record IncidentDto(string Id, string Title, IncidentOrigin Origin, string? AlertId, DateTimeOffset From, DateTimeOffset To,
        DateTimeOffset DetectedAt, DateTimeOffset OpenedAt, string OpenedBy, IncidentStatus Status, DateTimeOffset UpdatedAt, SelectorsDto Selectors);

    public sealed record CategoryDto(string Category, int People, int Records);

    public sealed record SummaryDto(int People, int Records, int PeopleWithContactData, DateTimeOffset? First, DateTimeOffset? Last,
        IReadOnlyList<CategoryDto> Categories, IReadOnlyList<AccountCount> Accounts);

    public sealed record IntegrityDto(bool Exact, int Examined, int Unreadable, int NotIntact, bool WindowPredatesRetention);

    public sealed record PatientDto(string Id, IReadOnlyList<string> Categories, DateTimeOffset FirstDisclosure, DateTimeOffset LastDisclosure,
        IReadOnlyList<long> Entries, IReadOnlyList<string> Accounts);

    public sealed record EntryDto(long Sequence, DateTimeOffset Time, string? Account, string? Session, string? ClientIp, string? UserAgent,
        JournalAction Action, string Patient, IReadOnlyList<string> Categories, bool Intact);

    public sealed record CheckpointDto(long TreeSize, string Root, DateTimeOffset Time, string Note);

    public sealed record ProofDto(long Sequence, long TreeSize, IReadOnlyList<string> Path, bool Verified);

    public sealed record ScopeDto(string? Incident, DateTimeOffset From, DateTimeOffset To, SelectorsDto Selectors, long JournalSize, DateTimeOffset ComputedAt,
        SummaryDto Summary, IntegrityDto Integrity, IReadOnlyList<PatientDto> Patients, IReadOnlyList<EntryDto> Entries,
        CheckpointDto? Checkpoint, IReadOnlyList<ProofDto>? Proofs, int? PendingProofs, PivotReport? Pivots);

    public static IReadOnlyList<string> Codes(DisclosedData categories) =>
        [.. ScopeBuilder.CategoryOrder.Where(c => categories.HasFlag(c)).Select(FrenchText.CategoryCode)];

    public static SelectorsDto Selectors(IncidentSelectors s) => new(s.Accounts, s.Sessions, s.ClientIps, s.UserAgents);

    public static IncidentDto Incident(Incident i) =>
        new(i.Id.ToString(), i.Title, i.Origin, i.AlertId, i.Window.From, i.Window.To, i.DetectedAt, i.OpenedAt, i.OpenedBy, i.Status, i.UpdatedAt, Selectors(i.Selectors));

    public static ScopeDto Scope(IncidentId? incident, IncidentScope scope, PivotReport? pivots)
    {
        var s = scope.Summary;
        var checkpoint = scope.Proofs?.Checkpoint;
        return new ScopeDto(
            incident?.ToString(), scope.Window.From, scope.Window.To, Selectors(scope.Selectors), scope.JournalSize, scope.ComputedAt,
            new SummaryDto(s.People, s.Records, s.PeopleWithContactData, s.First, s.Last,
                [.. s.Categories.Select(c => new CategoryDto(FrenchText.CategoryCode(c.Category), c.People, c.Records))], s.Accounts),
            new IntegrityDto(scope.Integrity.Exact, scope.Integrity.Examined, scope.Integrity.Unreadable, scope.Integrity.NotIntact, scope.Integrity.WindowPredatesRetention),
            [.. scope.Patients.Select(p => new PatientDto(p.Patient.Value, Codes(p.Categories), p.FirstDisclosure, p.LastDisclosure, p.Entries, p.Accounts))],
            [.. scope.Entries.Select(e => new EntryDto(e.Sequence, e.Time, e.Account, e.Session, e.ClientIp, e.UserAgent, e.Action, e.Patient.Value, Codes(e.Disclosed), e.Intact))],
            checkpoint is null ? null : new CheckpointDto(checkpoint.Checkpoint.TreeSize, checkpoint.Checkpoint.Root.ToBase64(), checkpoint.Checkpoint.Time, checkpoint.Note),
            scope.Proofs is null ? null : [.. scope.Proofs.Proofs.Select(p => new ProofDto(p.Sequence, p.Proof.TreeSize, [.. p.Proof.Path.Select(h => h.ToBase64())], p.Verified))],
            scope.Proofs?.Pending,
            pivots);
    }
}
