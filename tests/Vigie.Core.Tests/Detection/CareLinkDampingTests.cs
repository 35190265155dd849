using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>
/// <see cref="DetectionOptions.CareLinkResultDamping"/>: a search by name that finds homonyms cared for elsewhere is
/// one look beyond the establishment, not a dozen; a run of such searches is still a harvest.
/// </summary>
public sealed class CareLinkDampingTests
{
    private static readonly Vigie.Core.Access.NationalId Doctor = Clinic.Professional(3);

    // Family + given + gender, no birth date: the search that returns homonyms.
    private static QueryShape ByName(int i) => QueryShape.Of("NOM" + i, "PRENOM", null, gender: true, birthplace: false, null, contact: false, exact: false);

    /// <summary>After three weeks of ordinary work, one name search finding 12 people, 10 of them cared for elsewhere.</summary>
    private static RiskDecision OneHomonymSearch(DetectionOptions options)
    {
        var clinic = new Clinic(options);
        clinic.Habit(Doctor, days: 21);
        string[] found = [Clinic.Local(6000), Clinic.Local(6001), .. Enumerable.Range(6000, 10).Select(Clinic.Remote)];
        return clinic.Search(Doctor, "s", Clinic.Day(21, 10), ByName(1), found);
    }

    // The care-link evidence only: this doctor never searched by name before, so 12 patients in a minute is also
    // unusual volume for them (a separate signal, which the damping leaves alone).
    [Fact]
    public void OneNameSearch_FindingHomonymsCaredForElsewhere_IsNotCareLinkEvidence()
    {
        var decision = OneHomonymSearch(new DetectionOptions());

        Assert.True(decision.Scores.CareLink < 3, $"{decision.Scores}");
        Assert.NotEqual(RiskReasons.CareLink, decision.Reasons.FirstOrDefault());
    }

    [Fact]
    public void SameSearch_CountedPatientByPatient_ReadsAsCareLink()
    {
        // Without the damping (each patient a full observation), the same single search is strong care-link evidence.
        var decision = OneHomonymSearch(new DetectionOptions { CareLinkResultDamping = 0 });

        Assert.True(decision.Scores.CareLink >= 5, $"{decision.Scores}");
        Assert.Contains(RiskReasons.CareLink, decision.Reasons);
    }

    [Fact]
    public void RunOfNameSearches_ReachingElsewhere_IsStillSteppedUp_WithinAFewSearches()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 21);
        var start = Clinic.Day(21, 10);
        var disclosed = 0;
        RiskDecision decision = null!;
        for (var i = 0; i < 20; i++)
        {
            decision = clinic.Search(Doctor, "s", start.AddMinutes(i), ByName(100 + i), Enumerable.Range(100 * i, 12).Select(Clinic.Remote));
            if (decision.Level != RiskLevel.Allow)
            {
                break;
            }

            disclosed += 12;
        }

        Assert.NotEqual(RiskLevel.Allow, decision.Level);
        Assert.True(disclosed <= 48, $"{disclosed} disclosed before {decision.Level}");
        Assert.Contains(RiskReasons.CareLink, decision.Reasons);
    }

    [Fact]
    public void Damping_OutsideZeroToOne_IsAConfigurationError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RiskEngine(new DetectionOptions { CareLinkResultDamping = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RiskEngine(new DetectionOptions { CareLinkResultDamping = -0.1 }));
    }
}
