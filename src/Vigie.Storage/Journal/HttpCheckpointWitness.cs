using System.Text;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Posts each signed note as <c>text/plain</c> to a witness endpoint; any non-success status is a failure. A plain
/// hand-over, not the C2SP tlog-witness protocol (which would also send a consistency proof from the witness's last
/// size: see docs/decisions/0006-journal.md).
/// </summary>
public sealed class HttpCheckpointWitness(HttpClient client, Uri endpoint) : ICheckpointWitness
{
    public async Task SubmitAsync(SignedCheckpoint checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var content = new StringContent(checkpoint.Note, Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync(endpoint, content, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
