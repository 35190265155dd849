using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Incidents;

public sealed class IncidentSelectorsTests
{
    [Fact]
    public void Values_AreNormalisedDeduplicatedAndSorted()
    {
        var selectors = IncidentSelectors.Create(["10007654329", "810007654329", "officer:alice"], ["b", "a", "b"], ["::ffff:192.0.2.1", "2001:DB8::1"], ["curl/8"]).Value;
        Assert.Equal(["810007654329", "officer:alice"], selectors.Accounts);
        Assert.Equal(["a", "b"], selectors.Sessions);
        Assert.Equal(["192.0.2.1", "2001:db8::1"], selectors.ClientIps);
        Assert.Equal(IncidentSelectors.Create(["officer:alice", "810007654329"], ["a", "b"], ["2001:db8::1", "192.0.2.1"], ["curl/8"]).Value, selectors);
    }

    [Theory]
    [InlineData(null, null, null, "name at least one")]
    [InlineData("has space", null, null, "an account is")]
    [InlineData(null, "192.0.2.300", null, "IPv4 or IPv6")]
    [InlineData(null, null, "bad\nagent", "user agent")]
    public void BadValues_AreRefusedWithAReason(string? account, string? ip, string? agent, string reason)
    {
        var result = IncidentSelectors.Create(account is null ? null : [account], null, ip is null ? null : [ip], agent is null ? null : [agent]);
        Assert.False(result.Success);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntry_MatchesWhenAnyNamedValueIsItsOwn()
    {
        var selectors = Samples.Selectors(accounts: ["810007654329"], ips: ["192.0.2.1"]);
        Assert.True(selectors.Matches(Samples.Entry(Samples.Start, "810007654329", "s", "10.0.0.1", "x", "p", DisclosedData.Identity)));
        Assert.True(selectors.Matches(Samples.Entry(Samples.Start, "other", "s", "::ffff:192.0.2.1", "x", "p", DisclosedData.Identity)));
        Assert.False(selectors.Matches(Samples.Entry(Samples.Start, "other", "s", "10.0.0.1", "x", "p", DisclosedData.Identity)));
        Assert.False(selectors.Matches(Samples.Entry(Samples.Start, null, null, null, null, "p", DisclosedData.Identity)));
    }

    [Fact]
    public void Window_IsHalfOpen_AndRefusedWhenEmpty()
    {
        var window = TimeWindow.Create(Samples.Start, Samples.Start.AddHours(1)).Value;
        Assert.True(window.Contains(Samples.Start));
        Assert.False(window.Contains(Samples.Start.AddHours(1)));
        Assert.False(window.Contains(Samples.Start.AddTicks(-1)));
        Assert.False(TimeWindow.Create(Samples.Start, Samples.Start).Success);
    }

    [Theory]
    [InlineData("INC-42", 42)]
    [InlineData("inc-7", 7)]
    [InlineData("12", 12)]
    public void IncidentIds_Parse(string text, long value) => Assert.Equal(value, IncidentId.Parse(text).Value.Value);

    [Theory]
    [InlineData("INC-0")]
    [InlineData("INC-")]
    [InlineData("-3")]
    [InlineData("INC-1 OR 1=1")]
    public void BadIncidentIds_AreRefused(string text) => Assert.False(IncidentId.Parse(text).Success);

    [Theory]
    [InlineData("06 12 34 56 78", true)]
    [InlineData("+33 7 12 34 56 78", true)]
    [InlineData("0033612345678", true)]
    [InlineData("0690 12 34 56", true)]
    [InlineData("03 20 12 34 56", false)]
    [InlineData("+44 7700 900123", false)]
    [InlineData("", false)]
    public void MobileNumbers_AreRecognised(string phone, bool mobile) => Assert.Equal(mobile, AffectedPerson.IsMobile(phone));
}
