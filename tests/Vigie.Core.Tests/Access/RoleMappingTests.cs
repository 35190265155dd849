using Vigie.Core.Access;

namespace Vigie.Core.Tests.Access;

public sealed class RoleMappingTests
{
    [Fact]
    public void Default_MapsPhysicianAndNurseProfessions()
    {
        Assert.Equal(Role.Physician, RoleMapping.Default.Map(new ProfessionalActivity("10", null, AccessTestData.Chu)));
        Assert.Equal(Role.Nurse, RoleMapping.Default.Map(new ProfessionalActivity("60", null, AccessTestData.Chu)));
    }

    [Fact]
    public void Default_AddsActivityRoleToProfession() =>
        Assert.Equal(Role.Physician | Role.Emergency, RoleMapping.Default.Map(new ProfessionalActivity("10", "emergency", AccessTestData.Chu)));

    [Fact]
    public void UnknownCodes_GrantNothing() =>
        Assert.Equal(Role.None, RoleMapping.Default.Map(new ProfessionalActivity("21", "FON-99", AccessTestData.Chu)));

    [Fact]
    public void Configuration_CanMapOtherCodes()
    {
        var mapping = RoleMapping.Default with { Professions = new Dictionary<string, Role> { ["21"] = Role.Nurse } };
        Assert.Equal(Role.Nurse, mapping.Map(new ProfessionalActivity("21", null, AccessTestData.Chu)));
    }

    [Fact]
    public void RoleNames_RoundTrip()
    {
        var all = Role.Admission | Role.IdentityVigilance | Role.SecurityOfficer;
        Assert.Equal(all, RoleNames.Parse(RoleNames.Format(all)).Value);
        Assert.False(RoleNames.Parse("admission,janitor").Success);
    }
}
