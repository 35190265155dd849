using Vigie.Core.Access;

namespace Vigie.Core.Tests.Access;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("810001234565", "810001234565")]
    [InlineData("10001234565", "810001234565")]
    [InlineData("0591234567", "0591234567")]
    public void Parse_AcceptsRppsAndAdeliForms(string input, string canonical)
    {
        var parsed = NationalId.Parse(input);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal(canonical, parsed.Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("810001234566")]
    [InlineData("910001234565")]
    [InlineData("8100012345x5")]
    [InlineData("81000123456512")]
    public void Parse_RefusesMalformedOrBadCheckDigit(string? input) => Assert.False(NationalId.Parse(input).Success);

    [Fact]
    public void IsRpps_DistinguishesDirectories()
    {
        Assert.True(NationalId.Parse("10001234565").Value.IsRpps);
        Assert.False(NationalId.Parse("0591234567").Value.IsRpps);
    }
}
