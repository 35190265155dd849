namespace Vigie.Storage.Registry;

/// <summary>A Fellegi–Sunter model estimated by EM, stored as JSON; the newest row is the one in use.</summary>
public sealed class MatchModelRow
{
    public long Id { get; set; }
    public required string Json { get; set; }
    public int TrainingPairs { get; set; }
    public int RecordCount { get; set; }
    public DateTimeOffset EstimatedAt { get; set; }
}
