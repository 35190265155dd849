using Vigie.Core.Access;
using Vigie.Core.Identity;
using static Vigie.Core.Tests.Access.AccessTestData;

namespace Vigie.Core.Tests.Access;

public sealed class PatientReadPolicyTests
{
    private static readonly AccessPolicy Policy = AccessPolicy.Default;

    [Fact]
    public void OwnEstablishment_Admission_SeesContact()
    {
        var read = PatientReadPolicy.Decide(Policy, Professional(Role.Admission), [Chu], null, Now);
        Assert.True(read.Decision.IsAllowed);
        Assert.False(read.BreakTheGlass);
        Assert.Equal(ContactCategories.All, read.Contact);
    }

    [Fact]
    public void OwnEstablishment_Physician_SeesNoContact() =>
        Assert.Equal(ContactCategories.None, PatientReadPolicy.Decide(Policy, Professional(Role.Physician), [Chu], null, Now).Contact);

    [Fact]
    public void OtherEstablishment_WithoutPurpose_NeedsPurpose()
    {
        var read = PatientReadPolicy.Decide(Policy, Professional(Role.Physician), [Other], null, Now);
        Assert.Equal(DecisionKind.NeedsPurpose, read.Decision.Kind);
        Assert.Contains("X-Vigie-Purpose", read.Decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherEstablishment_WithUnknownPurpose_NeedsPurpose() =>
        Assert.Equal("break-the-glass.unknown-purpose", PatientReadPolicy.Decide(Policy, Professional(Role.Physician), [Other], new BreakTheGlass("CURIOUS", null), Now).Decision.Reason);

    [Fact]
    public void OtherEstablishment_WithPurpose_IsBreakTheGlassWithoutContact()
    {
        var read = PatientReadPolicy.Decide(Policy, Professional(Role.Admission), [Other], new BreakTheGlass("ETREAT", "unconscious, found in street"), Now);
        Assert.True(read.Decision.IsAllowed);
        Assert.True(read.BreakTheGlass);
        Assert.Equal(ContactCategories.None, read.Contact);
    }

    [Fact]
    public void BreakTheGlass_WithStaleSignIn_AsksForStepUp()
    {
        var read = PatientReadPolicy.Decide(Policy, Professional(Role.Emergency, authAge: TimeSpan.FromMinutes(30)), [Other], new BreakTheGlass("ETREAT", null), Now);
        Assert.Equal(DecisionKind.StepUp, read.Decision.Kind);
        Assert.Equal(TimeSpan.FromMinutes(10), read.Decision.StepUp!.MaxAge);
    }

    [Fact]
    public void PatientWithNoEstablishment_IsOutside() =>
        Assert.Equal(DecisionKind.NeedsPurpose, PatientReadPolicy.Decide(Policy, Professional(Role.Physician), Array.Empty<Finess>(), null, Now).Decision.Kind);

    [Fact]
    public void BreakTheGlassOff_AllowsOutsideReads()
    {
        var read = PatientReadPolicy.Decide(Policy with { BreakTheGlassRequired = false }, Professional(Role.Physician), [Other], null, Now);
        Assert.True(read.Decision.IsAllowed);
        Assert.False(read.BreakTheGlass);
    }

    [Fact]
    public void ProfessionalInSeveralEstablishments_ReadsPatientsOfEach() =>
        Assert.True(PatientReadPolicy.Decide(Policy, Professional(Role.Nurse, establishments: [Chu, Other]), [Other], null, Now).Decision.IsAllowed);
}
