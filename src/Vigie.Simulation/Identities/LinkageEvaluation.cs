namespace Vigie.Simulation.Identities;

/// <summary>
/// Scores predicted duplicate pairs against the generator's ground truth. A true pair is any two records with
/// the same person key (so a person with three records gives three pairs); a predicted pair is two record
/// indices, in either order, counted once however often it is predicted. Homonyms have different person keys:
/// linking them is a false positive.
/// </summary>
public static class LinkageEvaluation
{
    /// <summary>Scores <paramref name="predictedPairs"/>, whose indices are positions in <paramref name="records"/>.</summary>
    public static LinkageScore Evaluate(IReadOnlyList<GeneratedRecord> records, IEnumerable<(int First, int Second)> predictedPairs)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Evaluate(PersonKeys(records), predictedPairs);
    }

    /// <summary>Scores <paramref name="predictedPairs"/>, whose indices are positions in <paramref name="personKeys"/>.</summary>
    public static LinkageScore Evaluate(IReadOnlyList<int> personKeys, IEnumerable<(int First, int Second)> predictedPairs)
    {
        ArgumentNullException.ThrowIfNull(personKeys);
        ArgumentNullException.ThrowIfNull(predictedPairs);
        var seen = new HashSet<long>();
        long truePositives = 0, falsePositives = 0;
        foreach (var (first, second) in predictedPairs)
        {
            if ((uint)first >= (uint)personKeys.Count || (uint)second >= (uint)personKeys.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(predictedPairs), $"the pair ({first}, {second}) names a record that does not exist");
            }

            // A record paired with itself says nothing about duplicates.
            if (first == second || !seen.Add(PairKey(first, second)))
            {
                continue;
            }

            if (personKeys[first] == personKeys[second])
            {
                truePositives++;
            }
            else
            {
                falsePositives++;
            }
        }

        return new LinkageScore(truePositives, falsePositives, CountTruePairs(personKeys) - truePositives);
    }

    /// <summary>The number of true pairs: the sum over persons of n(n-1)/2 for their n records.</summary>
    public static long CountTruePairs(IReadOnlyList<int> personKeys)
    {
        ArgumentNullException.ThrowIfNull(personKeys);
        var counts = new Dictionary<int, int>();
        foreach (var key in personKeys)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        long pairs = 0;
        foreach (var n in counts.Values)
        {
            pairs += (long)n * (n - 1) / 2;
        }

        return pairs;
    }

    /// <summary>Every true pair (lower index first), grouped by person: what a perfect matcher would predict.</summary>
    public static IEnumerable<(int First, int Second)> TruePairs(IReadOnlyList<GeneratedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return PairsOf(records);
    }

    private static IEnumerable<(int First, int Second)> PairsOf(IReadOnlyList<GeneratedRecord> records)
    {
        var byPerson = new Dictionary<int, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            if (!byPerson.TryGetValue(records[i].PersonKey, out var list))
            {
                byPerson[records[i].PersonKey] = list = [];
            }

            list.Add(i);
        }

        foreach (var list in byPerson.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    yield return (list[a], list[b]);
                }
            }
        }
    }

    private static int[] PersonKeys(IReadOnlyList<GeneratedRecord> records)
    {
        var keys = new int[records.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = records[i].PersonKey;
        }

        return keys;
    }

    private static long PairKey(int first, int second) =>
        first < second ? ((long)first << 32) | (uint)second : ((long)second << 32) | (uint)first;
}
