using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>
/// Each behavioural signal fires on its pattern, from a physician's own workstation and browser after three weeks of
/// ordinary work (20 patients a day in care here, found by exact searches), and stays quiet on an ordinary day.
/// </summary>
public sealed class SignalTests
{
    private static readonly Vigie.Core.Access.NationalId Doctor = Clinic.Professional(1);

    private static Clinic Trained(DetectionOptions? options = null)
    {
        var clinic = new Clinic(options);
        clinic.Habit(Doctor, days: 21);
        return clinic;
    }

    private static (int FirstNonAllow, RiskDecision Decision) Until(IEnumerable<Func<RiskDecision>> requests)
    {
        var i = 0;
        RiskDecision last = null!;
        foreach (var request in requests)
        {
            last = request();
            if (last.Level != RiskLevel.Allow)
            {
                return (i, last);
            }

            i++;
        }

        return (-1, last);
    }

    [Fact]
    public void OrdinaryDay_AfterWeeksOfHabit_IsAllowedWithoutReasons()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 22);
        var monday = clinic.Read(Doctor, "next", Clinic.Day(28, 10), Clinic.Local(5));

        Assert.Equal(RiskLevel.Allow, monday.Level);
        Assert.Empty(monday.Reasons);
        Assert.True(monday.Scores.Total < 2, $"{monday.Scores}");
    }

    [Fact]
    public void PatientsWithoutCareLink_StepUpOnCareLink()
    {
        var clinic = Trained();
        var (index, decision) = Until(Enumerable.Range(0, 40).Select(i => (Func<RiskDecision>)(() => clinic.Read(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), Clinic.Remote(i)))));

        Assert.InRange(index, 1, 12);
        Assert.Equal(RiskLevel.StepUp, decision.Level);
        Assert.Equal(RiskReasons.CareLink, decision.Reasons[0]);
    }

    [Fact]
    public void BurstOfPatientsInCare_StepsUpOnVolume()
    {
        var clinic = Trained();
        var (index, decision) = Until(Enumerable.Range(0, 200).Select(i => (Func<RiskDecision>)(() => clinic.Read(Doctor, "s", Clinic.Day(21, 10).AddSeconds(15 * i), Clinic.Local(1000 + i)))));

        Assert.True(index > 0, "some reads pass");
        Assert.Equal(RiskLevel.StepUp, decision.Level);
        Assert.Contains(RiskReasons.Volume, decision.Reasons);
        Assert.DoesNotContain(RiskReasons.CareLink, decision.Reasons);
    }

    [Fact]
    public void RateBeyondAnyHuman_IsThrottled_WithRetryAfter()
    {
        var clinic = new Clinic();
        var decisions = Enumerable.Range(0, 40).Select(i => clinic.Read(Doctor, "s", Clinic.Day(0, 10).AddSeconds(i), Clinic.Local(i))).ToList();
        var throttled = decisions.First(d => d.Level != RiskLevel.Allow);

        Assert.Equal(RiskLevel.Throttle, throttled.Level);
        Assert.Equal(RiskReasons.Rate, throttled.Reasons[0]);
        Assert.Equal(TimeSpan.FromMinutes(1), throttled.RetryAfter);
        Assert.Equal(RiskLevel.Throttle, clinic.Read(Doctor, "s", Clinic.Day(0, 10).AddSeconds(45), Clinic.Local(0)).Level);
    }

    [Fact]
    public void SearchesThatFindNobody_StepUpOnProbing()
    {
        var clinic = Trained();
        var (index, decision) = Until(Enumerable.Range(0, 30).Select(i => (Func<RiskDecision>)(() =>
            clinic.Search(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), QueryShape.Of("X" + (i * 7919 % 1000), null, new DateOnly(1970, 1, 1).AddDays(i * 97), false, false, null, false, false), []))));

        Assert.InRange(index, 1, 12);
        Assert.Equal(RiskReasons.Probing, decision.Reasons[0]);
    }

    [Fact]
    public void BroadSearches_StepUpOnLowSpecificity()
    {
        var clinic = Trained();
        var (index, decision) = Until(Enumerable.Range(0, 30).Select(i => (Func<RiskDecision>)(() =>
            clinic.Search(Doctor, "s", Clinic.Day(21, 10).AddMinutes(2 * i), QueryShape.Of("N" + (i * 7919 % 1000), "G", null, true, false, null, false, false),
                Enumerable.Range(0, 4).Select(k => Clinic.Local(2000 + (4 * i) + k))))));

        Assert.InRange(index, 1, 15);
        Assert.Contains(RiskReasons.Breadth, decision.Reasons);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AlphabeticalSearches_GiveSweepEvidence_TheSameSearchesShuffledDoNot(bool amongLookUpsFromAList)
    {
        // With a list: an infostealer hides a name sweep among look-ups of a leaked list (family + birth date, in no
        // order); name-only searches are compared among themselves, so the sweep's order still shows.
        var names = Enumerable.Range(0, 25).Select(i => $"{(char)('A' + i)}{(char)('A' + (i % 7))}NOM").ToList();
        var shuffled = names.OrderBy(n => n.GetHashCode(StringComparison.Ordinal) % 13).ThenByDescending(n => n, StringComparer.Ordinal).ToList();

        Assert.True(SweepAfter(names, amongLookUpsFromAList) >= 5, $"sorted: {SweepAfter(names, amongLookUpsFromAList)}");
        Assert.True(SweepAfter(shuffled, amongLookUpsFromAList) < 1, $"shuffled: {SweepAfter(shuffled, amongLookUpsFromAList)}");
    }

    private static double SweepAfter(IEnumerable<string> order, bool amongLookUpsFromAList)
    {
        // Report-only, so that the searches go on being counted after the care-link step-up they also cause.
        var clinic = Trained(new DetectionOptions { ReportOnly = true });
        var last = 0.0;
        var i = 0;
        foreach (var name in order)
        {
            if (amongLookUpsFromAList)
            {
                var listed = $"{(char)('Z' - (i * 11 % 26))}LISTE";
                clinic.Search(Doctor, "s", Clinic.Day(21, 10).AddMinutes(2 * i++), QueryShape.Of(listed, null, new DateOnly(1960, 1, 1).AddDays(i * 397), false, false, null, false, false), [Clinic.Remote(100 + i)]);
            }

            last = clinic.Search(Doctor, "s", Clinic.Day(21, 10).AddMinutes(2 * i++), QueryShape.Of(name, "JEAN", null, true, false, null, false, false), [Clinic.Remote(i)]).Scores.Sweep;
        }

        return last;
    }

    [Fact]
    public void SequentialIdentifiers_GiveSweepEvidence()
    {
        var clinic = Trained();
        RiskDecision last = null!;
        for (var i = 0; i < 8; i++)
        {
            last = clinic.Search(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), QueryShape.Of(null, null, null, false, false, "IPP" + (1000 + i), false, false), [Clinic.Local(i)]);
        }

        Assert.True(last.Scores.Sweep >= 5, $"{last.Scores}");
    }

    [Fact]
    public void ContactDataOnEveryRead_OfAnAccountThatNeverNeedsIt_StepsUpOnContact()
    {
        var clinic = Trained();
        var (index, decision) = Until(Enumerable.Range(0, 40).Select(i => (Func<RiskDecision>)(() =>
            clinic.Read(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), Clinic.Local(500 + i), categories: ContactCategories.All))));

        Assert.InRange(index, 1, 15);
        Assert.Equal(RiskReasons.Contact, decision.Reasons[0]);
    }

    [Fact]
    public void NightAccess_OfADayWorker_RaisesTiming_ButAloneDoesNotStepUp()
    {
        var clinic = Trained();
        var night = Enumerable.Range(0, 5).Select(i => clinic.Read(Doctor, "night", Clinic.Day(27, 3).AddMinutes(5 * i), Clinic.Local(i))).ToList();
        var day = clinic.Read(Doctor, "day", Clinic.Day(28, 10), Clinic.Local(9));

        Assert.All(night, d => Assert.Equal(RiskLevel.Allow, d.Level));
        Assert.True(night[^1].Scores.Timing >= 2, $"{night[^1].Scores}");
        Assert.Equal(0, day.Scores.Timing);
    }

    [Fact]
    public void NightAccess_StepsUpWithFewerUnlinkedPatients_ThanDayAccess()
    {
        int Patients(double hour)
        {
            var clinic = Trained();
            return Until(Enumerable.Range(0, 40).Select(i => (Func<RiskDecision>)(() => clinic.Read(Doctor, "s", Clinic.Day(23, hour).AddMinutes(i), Clinic.Remote(i))))).FirstNonAllow;
        }

        Assert.True(Patients(2) < Patients(11), $"night {Patients(2)}, day {Patients(11)}");
    }
}
