namespace Vigie.Journal;

/// <summary>
/// The journal could not make a request's entries durable. The host turns it into a 503 and nothing of the
/// patient data is sent: unaudited data is never served.
/// </summary>
public sealed class JournalUnavailableException : Exception
{
    /// <summary>Creates the exception around the storage failure.</summary>
    public JournalUnavailableException(Exception inner)
        : base("the access journal is unavailable", inner)
    {
    }

    /// <summary>Required by the exception design rules.</summary>
    public JournalUnavailableException()
        : base("the access journal is unavailable")
    {
    }

    /// <summary>Required by the exception design rules.</summary>
    public JournalUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Required by the exception design rules.</summary>
    public JournalUnavailableException(string message)
        : base(message)
    {
    }
}
