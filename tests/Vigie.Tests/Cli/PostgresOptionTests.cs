using Vigie.Cli;

namespace Vigie.Tests.Cli;

/// <summary>Every verb's --postgres refuses a server off this machine reached without required TLS, before connecting.</summary>
public sealed class PostgresOptionTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("audit", "verify")]
    [InlineData("import", "patients.ndjson")]
    public void RemoteServerWithoutTls_IsAParseError(params string[] verb)
    {
        var parsed = VigieCommandLine.Build().Parse([.. verb, "--postgres", "Host=db.region.example;Database=vigie;Password=secret"]);

        var error = Assert.Single(parsed.Errors, e => e.Message.Contains("TLS", StringComparison.Ordinal));
        Assert.Contains("db.region.example", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteServerWithTlsRequired_Parses()
    {
        var parsed = VigieCommandLine.Build().Parse(["audit", "verify", "--postgres", "Host=db.region.example;Database=vigie;SSL Mode=VerifyFull"]);

        Assert.Empty(parsed.Errors);
    }
}
