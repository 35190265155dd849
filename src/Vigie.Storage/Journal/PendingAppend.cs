using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>One caller's entries waiting in <see cref="JournalWriter"/>'s queue, and the task it awaits.</summary>
internal sealed class PendingAppend(IReadOnlyList<JournalEntry> entries, bool force)
{
    public IReadOnlyList<JournalEntry> Entries { get; } = entries;

    /// <summary>Sign a checkpoint even if the last one is recent.</summary>
    public bool Force { get; } = force;

    public TaskCompletionSource<JournalReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
