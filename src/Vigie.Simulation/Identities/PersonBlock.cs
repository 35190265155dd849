namespace Vigie.Simulation.Identities;

/// <summary>
/// A fixed run of consecutive persons and their records, shuffled together. The unit of parallel work, and
/// the window within which a person's duplicates appear in the stream: never next to each other by
/// construction, always within about <see cref="Size"/> records, and after the person's reference record.
/// </summary>
internal sealed class PersonBlock(Person[] persons, RecordDraft[] drafts)
{
    // 512 keeps a block's draft array (about 600 drafts of 64 bytes) under the 85 KB large-object threshold:
    // large arrays would be collected only by full collections, which dominated early profiles.
    public const int Size = 512;

    public Person[] Persons { get; } = persons;

    public RecordDraft[] Drafts { get; } = drafts;
}
