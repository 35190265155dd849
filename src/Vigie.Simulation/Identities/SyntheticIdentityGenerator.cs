using System.Collections.Concurrent;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// Generates the local patient records of a synthetic French region (Hauts-de-France) with known duplicates and
/// homonyms, for tests, benchmarks, F1 measurement and demonstrations. The same seed, reference date and options
/// always give the same records, in the same order, on any machine and with any number of threads; a shorter
/// run is a prefix of a longer one.
/// </summary>
/// <remarks>
/// Persons are made in blocks of <see cref="PersonBlock.Size"/>, in parallel, each person from its own random
/// stream; the only sequential step is the allocation of INS order numbers, which must be unique.
/// Memory stays bounded by two batches of blocks while streaming. Thread-safe: several enumerations may run at once.
/// Limits: INS order numbers allow about ten million persons, IPP slots about a billion.
/// </remarks>
public sealed class SyntheticIdentityGenerator
{
    private readonly Establishment[] _establishments;
    private readonly WeightedTable<int> _sizes;
    private readonly ParallelOptions _parallel;
    private readonly int _batchBlocks;

    // Builders hold reusable buffers; pooling them avoids re-allocating those for every batch.
    private readonly ConcurrentBag<BlockBuilder> _builders = [];

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">Fixes the whole region.</param>
    /// <param name="today">The reference date: ages, married names and given-name fashions are relative to it; no record is born after it.</param>
    /// <param name="options">The knobs; <see cref="SyntheticIdentityOptions.Default"/> when null.</param>
    public SyntheticIdentityGenerator(int seed, DateOnly today, SyntheticIdentityOptions? options = null)
    {
        Options = options ?? SyntheticIdentityOptions.Default;
        Options.Validate();
        Seed = seed;
        Today = today;
        _establishments = EstablishmentFactory.Create(seed, Options.EstablishmentCount);
        _sizes = EstablishmentFactory.Sizes(Options.EstablishmentCount);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        var workers = Options.MaxDegreeOfParallelism > 0 ? Options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        _batchBlocks = 8 * workers;
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The reference date.</summary>
    public DateOnly Today { get; }

    /// <summary>The options in force.</summary>
    public SyntheticIdentityOptions Options { get; }

    /// <summary>The region's establishments, largest first.</summary>
    public IReadOnlyList<Establishment> Establishments => _establishments;

    /// <summary>
    /// Streams exactly <paramref name="recordCount"/> records. A person's reference record always comes before its
    /// duplicates; the last few hundred persons may lose duplicates that would have come after the cut.
    /// </summary>
    public IEnumerable<GeneratedRecord> Generate(int recordCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        return Stream(recordCount);
    }

    /// <summary>Generates <paramref name="recordCount"/> records into an array (about 0.8 KB per record).</summary>
    public GeneratedRecord[] GenerateBatch(int recordCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        var records = new GeneratedRecord[recordCount];
        foreach (var record in Stream(recordCount))
        {
            records[record.Index] = record;
        }

        return records;
    }

    private IEnumerable<GeneratedRecord> Stream(int recordCount)
    {
        var orders = new NirOrderAllocator();
        var mailboxes = new Mailboxes();
        var index = 0;
        var nextBlock = 0;
        var next = recordCount > 0 ? StartBuilding(ref nextBlock, recordCount) : null;
        while (next is not null)
        {
            var blocks = next.GetAwaiter().GetResult();

            // The next batch is built while this one is handed out: the consumer and the one sequential step
            // (INS and email allocation) overlap with generation.
            var left = recordCount - index - blocks.Sum(block => block.Drafts.Length);
            next = left > 0 ? StartBuilding(ref nextBlock, left) : null;
            foreach (var block in blocks)
            {
                AllocateIns(block, orders);
                mailboxes.Claim(block);
                foreach (var draft in block.Drafts)
                {
                    if (index == recordCount)
                    {
                        yield break;
                    }

                    yield return ToRecord(draft, index++);
                }
            }
        }
    }

    /// <summary>Starts building the blocks that should give about <paramref name="records"/> records, at most one batch.</summary>
    private Task<PersonBlock[]> StartBuilding(ref int nextBlock, int records)
    {
        // A block yields a little over PersonBlock.Size records, so this asks for enough, plus one.
        var count = Math.Clamp((records / PersonBlock.Size) + 1, 1, _batchBlocks);
        var first = nextBlock;
        nextBlock += count;
        return Task.Run(() => Build(first, count));
    }

    private PersonBlock[] Build(int firstBlock, int count)
    {
        var blocks = new PersonBlock[count];
        Parallel.For(
            0,
            count,
            _parallel,
            () => _builders.TryTake(out var builder) ? builder : new BlockBuilder(Seed, Today, Options, _establishments, _sizes),
            (i, _, builder) =>
            {
                blocks[i] = builder.Build(firstBlock + i);
                return builder;
            },
            _builders.Add);
        return blocks;
    }

    /// <summary>In stream order, so that the order numbers, hence the INS values, do not depend on threading.</summary>
    private static void AllocateIns(PersonBlock block, NirOrderAllocator orders)
    {
        foreach (var person in block.Persons)
        {
            if (person.Qualified)
            {
                var order = orders.Next(Nir.CellOf(person.Sex, person.BirthDate, person.Birthplace));
                person.Ins = Nir.Build(person.Sex, person.BirthDate, person.Birthplace, order);
            }
        }
    }

    private GeneratedRecord ToRecord(RecordDraft draft, int index) => new(
        index,
        draft.Person.Key,
        draft.Establishment,
        draft.Ipp,
        draft.Status,
        draft.Status == IdentityStatus.Qualified ? new InsNumber(Options.InsKind, draft.Person.Ins!) : null,
        draft.RawTraits,
        draft.Traits,
        draft.IsReference,
        draft.Corruptions,
        draft.Person.HomonymOf);
}
