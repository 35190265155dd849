namespace Vigie.Storage.Notices;

/// <summary>Column bounds of the notices tables, checked before writing (SQLite does not enforce lengths).</summary>
public static class NoticeLimits
{
    public const int IncidentId = 64;
    public const int Error = 200;
    public const int ProviderMessageId = 200;

    /// <summary>Cuts <paramref name="value"/> to <paramref name="max"/> characters (null stays null).</summary>
    public static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
