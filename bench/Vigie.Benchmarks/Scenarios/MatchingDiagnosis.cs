using System.Globalization;
using Vigie.Core.Matching;
using Vigie.Simulation.Identities;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// Prints the disagreement patterns of a scan's false positives and false negatives, anonymised: the comparison
/// vector, the grade, the ground-truth corruptions of the pair and whether one record is a homonym of the other.
/// No name, date or contact value is ever printed, so the output can be pasted in an issue.
/// </summary>
internal static class MatchingDiagnosis
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(GeneratedRecord[] records, MatchRecord[] matchRecords, MatchModel model, DuplicateScanResult scan, int top)
    {
        Console.Error.WriteLine(string.Create(Inv, $"-- model: prior {model.Prior:E3} at {model.TrainingRecords:N0} records; per field, m / u / weight by level from disagree up"));
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            var field = (ComparisonField)f;
            var levels = Enumerable.Range(1, ComparisonVector.LevelCount(field) - 1)
                .Select(l => string.Create(Inv, $"{model.M[f][l - 1]:G3}/{model.U[f][l - 1]:G3}/{model.Weight(field, l):F1}"));
            Console.Error.WriteLine(string.Create(Inv, $"  {field}: {string.Join("  ", levels)}"));
        }

        var predicted = new Dictionary<long, ScoredPair>();
        foreach (var p in scan.Pairs)
        {
            predicted[Key(p.First, p.Second)] = p;
        }

        var falsePositives = scan.Pairs
            .Where(p => p.Score.Grade >= MatchGrade.Probable && records[p.First].PersonKey != records[p.Second].PersonKey)
            .Select(p => Describe(records, p.First, p.Second, p.Score, RecordComparator.Compare(matchRecords[p.First], matchRecords[p.Second])));
        PrintGroups("false positives at grade ≥ probable", falsePositives, top);

        var falsePositivesCertain = scan.Pairs
            .Where(p => p.Score.Grade == MatchGrade.Certain && records[p.First].PersonKey != records[p.Second].PersonKey)
            .Select(p => Describe(records, p.First, p.Second, p.Score, RecordComparator.Compare(matchRecords[p.First], matchRecords[p.Second])));
        PrintGroups("false positives at grade certain", falsePositivesCertain, top);

        var missedProbable = new List<string>();
        var missedCertain = new List<string>();
        foreach (var (a, b) in LinkageEvaluation.TruePairs(records))
        {
            var found = predicted.TryGetValue(Key(a, b), out var pair);
            if (found && pair.Score.Grade == MatchGrade.Certain)
            {
                continue;
            }

            var vector = RecordComparator.Compare(matchRecords[a], matchRecords[b]);
            var score = found ? pair.Score : MatchScorer.Score(model, vector, MatchThresholds.Default);
            var line = Describe(records, a, b, score, vector) + (found ? string.Empty : " [not blocked or < possible]");
            missedCertain.Add(line);
            if (!found || pair.Score.Grade < MatchGrade.Probable)
            {
                missedProbable.Add(line);
            }
        }

        PrintGroups("false negatives at grade ≥ probable", missedProbable, top);
        PrintGroups("false negatives at grade certain", missedCertain, top);
    }

    private static string Describe(GeneratedRecord[] records, int a, int b, MatchScore score, ComparisonVector vector)
    {
        var first = records[a];
        var second = records[b];
        var homonym = first.HomonymOf == second.PersonKey || second.HomonymOf == first.PersonKey ? " homonym" : string.Empty;
        var corruptions = (first.Corruptions | second.Corruptions) & ~(RecordCorruptions.LetterDeleted | RecordCorruptions.LetterInserted | RecordCorruptions.LettersTransposed | RecordCorruptions.LetterSubstituted);
        var ins = first.Ins is not null && second.Ins is not null ? (first.Ins == second.Ins ? " sameINS" : " diffINS") : string.Empty;
        var band = score.Score switch { >= 0.999 => ">=.999", >= 0.99 => ">=.99", >= 0.9 => ">=.9", >= 0.5 => ">=.5", _ => "<.5" };
        return string.Create(Inv, $"{vector} {score.Grade} p{band}{homonym}{ins} [{corruptions}]");
    }

    private static void PrintGroups(string title, IEnumerable<string> lines, int top)
    {
        var groups = lines.GroupBy(l => l, StringComparer.Ordinal).Select(g => (Pattern: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        Console.Error.WriteLine(string.Create(Inv, $"-- {title}: {groups.Sum(g => g.Count):N0} pairs, {groups.Count:N0} patterns (family/first given/date/sex/place/phone/email/further given/address grade band)"));
        foreach (var (pattern, count) in groups.Take(top))
        {
            Console.Error.WriteLine(string.Create(Inv, $"  {count,6} {pattern}"));
        }
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
}
