namespace Vigie.Simulation.Identities;

/// <summary>Builds one <see cref="PersonBlock"/>: persons, their drafts, a deterministic shuffle. One per worker.</summary>
internal sealed class BlockBuilder(int seed, DateOnly today, SyntheticIdentityOptions options, Establishment[] establishments, WeightedTable<int> sizes)
{
    private readonly PersonFactory _persons = new(seed, today, options);
    private readonly RecordFactory _records = new(seed, today, establishments, sizes);
    private readonly SimRandom _shuffle = new(0);

    public PersonBlock Build(int block)
    {
        var persons = new Person[PersonBlock.Size];
        var recordCount = 0;
        for (var i = 0; i < persons.Length; i++)
        {
            persons[i] = _persons.Create((block * PersonBlock.Size) + i);
            recordCount += 1 + persons[i].ExtraRecords;
        }

        var drafts = new RecordDraft[recordCount];
        var at = 0;
        foreach (var person in persons)
        {
            at = _records.Draft(person, drafts, at);
        }

        _shuffle.Reset(SimRandom.Derive(seed, block, RandomStream.Block));
        for (var i = drafts.Length - 1; i > 0; i--)
        {
            var j = _shuffle.Next(i + 1);
            (drafts[i], drafts[j]) = (drafts[j], drafts[i]);
        }

        ReferencesFirst(drafts, block * PersonBlock.Size);
        return new PersonBlock(persons, drafts);
    }

    /// <summary>
    /// Moves each reference record ahead of its person's duplicates, as the first record of a person is the
    /// oldest: a stream cut short then loses duplicates, never the reference they are duplicates of.
    /// </summary>
    private static void ReferencesFirst(RecordDraft[] drafts, int firstKey)
    {
        Span<int> referenceAt = stackalloc int[PersonBlock.Size];
        for (var i = 0; i < drafts.Length; i++)
        {
            if (drafts[i].IsReference)
            {
                referenceAt[drafts[i].Person.Key - firstKey] = i;
            }
        }

        for (var i = 0; i < drafts.Length; i++)
        {
            var person = drafts[i].Person.Key - firstKey;
            if (referenceAt[person] > i)
            {
                (drafts[i], drafts[referenceAt[person]]) = (drafts[referenceAt[person]], drafts[i]);
                referenceAt[person] = i;
            }
        }
    }
}
