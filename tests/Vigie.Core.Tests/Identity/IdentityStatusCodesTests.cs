using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

public sealed class IdentityStatusCodesTests
{
    [Theory]
    [InlineData(IdentityStatus.Provisional, "PROV")]
    [InlineData(IdentityStatus.Validated, "VALI")]
    [InlineData(IdentityStatus.Recovered, "RECUP")]
    [InlineData(IdentityStatus.Qualified, "QUAL")]
    public void ToCode_AndParse_RoundTripEveryStatus(IdentityStatus status, string code)
    {
        Assert.Equal(code, status.ToCode());
        Assert.Equal(status, IdentityStatusCodes.Parse(code).Value);
    }

    [Fact]
    public void EveryStatus_HasACode()
    {
        foreach (var status in Enum.GetValues<IdentityStatus>())
        {
            Assert.Equal(status, IdentityStatusCodes.Parse(status.ToCode()).Value);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("qual")] // case-sensitive, as the reference writes the codes
    [InlineData(" QUAL")]
    [InlineData("DOUB")]
    [InlineData("Qualified")]
    public void Parse_RejectsAnythingElse(string? code) =>
        Assert.Equal("identity status must be one of PROV, VALI, RECUP, QUAL", IdentityStatusCodes.Parse(code).Error);

    [Fact]
    public void ToCode_ThrowsForAnUndefinedStatus() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IdentityStatus)42).ToCode());
}
