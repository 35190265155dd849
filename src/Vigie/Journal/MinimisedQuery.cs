namespace Vigie.Journal;

/// <summary>
/// What of a query goes into the journal: the parameter names (with modifiers), never their values. The journal is
/// evidence kept for months; the searched names and birth dates would make it a second copy of the registry.
/// </summary>
internal static class MinimisedQuery
{
    public const int MaxLength = 200;

    public static string Of(IQueryCollection query) => Of(query.Keys);

    public static string Of(IEnumerable<string> names)
    {
        var text = string.Join(',', names.Select(n => n.Length > 40 ? n[..40] : n).Order(StringComparer.Ordinal));
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
