namespace Vigie.Storage.Journal;

/// <summary>This node's journal key is not the one the journal was started with: appending would split the log between two keys.</summary>
public sealed class JournalKeyMismatchException : InvalidOperationException
{
    public JournalKeyMismatchException()
    {
    }

    public JournalKeyMismatchException(string message)
        : base(message)
    {
    }

    public JournalKeyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
