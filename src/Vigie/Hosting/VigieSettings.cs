namespace Vigie.Hosting;

/// <summary>
/// Everything a Vigie process needs to start, resolved from the command line, then the VIGIE_* environment,
/// then defaults. Each default is documented in README.md ("Configuration").
/// </summary>
public sealed record VigieSettings
{
    /// <summary>The data directory: the SQLite file, keys and exports live here. Default ./vigie-data.</summary>
    public string DataDirectory { get; init; } = "vigie-data";

    /// <summary>A PostgreSQL connection string; when null the embedded SQLite file is used.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Largest request body accepted by ordinary FHIR interactions (bytes). Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest batch Bundle accepted by POST /fhir (bytes). Default 64 MiB.</summary>
    public long MaxBatchBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most entries in one batch Bundle. Default 10,000.</summary>
    public int MaxBatchEntries { get; init; } = 10_000;

    /// <summary>The URLs Kestrel listens on. Default http://127.0.0.1:5080 (loopback only).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Match grade thresholds on the posterior probability. Defaults: certain ≥ 0.999 (automatic link),
    /// probable ≥ 0.90 (human review), possible ≥ 0.50 (shown by $match only). See docs/decisions/0003.
    /// </summary>
    public Vigie.Core.Matching.MatchThresholds Thresholds { get; init; } = Vigie.Core.Matching.MatchThresholds.Default;

    /// <summary>Sign-in: trusted issuers, the built-in demo provider, trusted proxies, least-privilege policy.</summary>
    public Vigie.Auth.AuthSettings Auth { get; init; } = new();

    /// <summary>The access journal: checkpoint origin, witnesses, retention.</summary>
    public Vigie.Journal.JournalSettings Journal { get; init; } = new();

    /// <summary>Live detection: report-only mode, alert webhook, cross-node sync interval.</summary>
    public Vigie.Detection.DetectionSettings Detection { get; init; } = new();

    /// <summary>The public verification portal's limits (rate, body sizes).</summary>
    public Vigie.Portal.PortalSettings Portal { get; init; } = new();

    /// <summary>True when the PostgreSQL provider is configured.</summary>
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);
}
