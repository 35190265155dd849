using Vigie.Core.Access;

namespace Vigie.Simulation.Trace;

/// <summary>The trace format's names for actions and disclosed categories.</summary>
public static class TraceNames
{
    /// <summary>search, match or read.</summary>
    public static string Of(AccessAction action) => action switch
    {
        AccessAction.Search => "search",
        AccessAction.Match => "match",
        AccessAction.Read => "read",
        _ => throw new ArgumentOutOfRangeException(nameof(action), "a trace holds searches, matches and reads"),
    };

    /// <summary>Parses search, match or read.</summary>
    public static AccessAction? Action(string name) => name switch
    {
        "search" => AccessAction.Search,
        "match" => AccessAction.Match,
        "read" => AccessAction.Read,
        _ => null,
    };

    /// <summary>"identity" (always disclosed) then the contact categories.</summary>
    public static IEnumerable<string> Categories(ContactCategories contact)
    {
        yield return "identity";
        if (contact.HasFlag(ContactCategories.Phone))
        {
            yield return "phone";
        }

        if (contact.HasFlag(ContactCategories.Email))
        {
            yield return "email";
        }

        if (contact.HasFlag(ContactCategories.Address))
        {
            yield return "address";
        }
    }

    /// <summary>The contact category named, None for "identity", null when unknown.</summary>
    public static ContactCategories? Category(string name) => name switch
    {
        "identity" => ContactCategories.None,
        "phone" => ContactCategories.Phone,
        "email" => ContactCategories.Email,
        "address" => ContactCategories.Address,
        _ => null,
    };
}
