using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Incidents;

/// <summary>
/// The scope's definition against brute force, for random journals and random selectors: a patient is in the
/// scope exactly when some successful entry in the window, to a named account, session, IP or user agent,
/// disclosed some category of them; and its categories are the union over those entries.
/// </summary>
public sealed class ScopeBuilderProperties
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static readonly Arbitrary<(int Seed, int Count, int Pick)> Journals =
        (from seed in Gen.Choose(0, 1_000_000)
         from count in Gen.Choose(0, 400)
         from pick in Gen.Choose(0, 15)
         select (seed, count, pick)).ToArbitrary();

    private static IncidentSelectors SelectorsFor(int pick) => Samples.Selectors(
        (pick & 1) != 0 ? ["810007654329"] : null,
        (pick & 2) != 0 ? ["s2"] : null,
        (pick & 4) != 0 ? ["192.0.2.1"] : null,
        (pick & 8) != 0 || pick == 0 ? ["curl/8"] : null);

    [Fact]
    public void Scope_EqualsBruteForce() =>
        Prop.ForAll(Journals, shape =>
        {
            var journal = Samples.RandomJournal(shape.Seed, shape.Count);
            var selectors = SelectorsFor(shape.Pick);
            var admitted = journal.Select((e, i) => (e, i)).Where(x => ScopeBuilder.Admits(Samples.Window, selectors, x.e))
                .Select(x => ScopeEntry.From(x.i, x.e, true));
            var scope = ScopeBuilder.Build(Samples.Window, selectors, journal.Count, admitted, new ScopeIntegrity(journal.Count, 0, 0, false), Samples.Start);

            // Brute force, written out without the library's helpers.
            var expected = new Dictionary<string, DisclosedData>();
            var records = 0;
            foreach (var e in journal)
            {
                var named = e.Actor.ProfessionalId == "810007654329" && (shape.Pick & 1) != 0
                            || e.Request.Session == "s2" && (shape.Pick & 2) != 0
                            || e.Request.ClientIp is "192.0.2.1" or "::ffff:192.0.2.1" && (shape.Pick & 4) != 0
                            || e.Request.UserAgent == "curl/8" && ((shape.Pick & 8) != 0 || shape.Pick == 0);
                if (named && e.Time >= Samples.Window.From && e.Time < Samples.Window.To && e.Outcome == JournalOutcome.Success
                    && e.Patient is { } p && e.Disclosed != DisclosedData.None)
                {
                    expected[p.Value] = expected.GetValueOrDefault(p.Value) | e.Disclosed;
                    records++;
                }
            }

            return scope.Patients.Count == expected.Count
                   && scope.Patients.All(p => expected.TryGetValue(p.Patient.Value, out var c) && c == p.Categories)
                   && scope.Summary.Records == records
                   && scope.Summary.People == expected.Count
                   && ScopeBuilder.CategoryOrder.All(c => scope.Summary.Categories.Single(x => x.Category == c).People == expected.Values.Count(v => v.HasFlag(c)))
                   && scope.Patients.Sum(p => p.Entries.Count) == records;
        }).Check(Cases);

    [Fact]
    public void Build_IgnoresDuplicateEntries_AndOrdersByJournalIndex()
    {
        var selectors = Samples.Selectors(sessions: ["s1"]);
        var entry = Samples.Entry(Samples.Start.AddHours(1), "a", "s1", null, null, "p-1", DisclosedData.Identity);
        var scope = ScopeBuilder.Build(Samples.Window, selectors, 10,
            [ScopeEntry.From(7, entry, true), ScopeEntry.From(2, entry, true), ScopeEntry.From(7, entry, true)], new ScopeIntegrity(3, 0, 0, false), Samples.Start);
        Assert.Equal([2L, 7L], scope.Entries.Select(e => e.Sequence));
        Assert.Equal([2L, 7L], scope.Patients.Single().Entries);
    }

    [Fact]
    public void ScopeEntry_RefusesANonDisclosure() =>
        Assert.Throws<ArgumentException>(() => ScopeEntry.From(1, Samples.Entry(Samples.Start, "a", "s", null, null, "p-1", DisclosedData.Identity, JournalOutcome.DeniedByRisk), true));
}
