using Vigie.Storage.Postgres;

namespace Vigie.Storage.Tests;

/// <summary>A PostgreSQL server off this machine is reached with TLS required; loopback and Unix sockets may go without.</summary>
public sealed class PostgresTransportTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=vigie;Username=vigie;Password=secret")]
    [InlineData("Host=localhost;Database=vigie;SSL Mode=Disable")]
    [InlineData("Host=::1;Database=vigie")]
    [InlineData("Host=/var/run/postgresql;Database=vigie")]
    [InlineData("Host=db.region.example;Database=vigie;SSL Mode=VerifyFull")]
    [InlineData("Host=db.region.example;Database=vigie;SSL Mode=Require")]
    [InlineData("Host=db1.region.example:5432,db2.region.example:5433;Database=vigie;SSL Mode=VerifyCA")]
    public void AcceptedConnections(string connection) => Assert.Null(PostgresTransport.Problem(connection));

    [Theory]
    [InlineData("Host=db.region.example;Database=vigie;Username=vigie;Password=secret", "db.region.example")]
    [InlineData("Host=10.1.2.3;Database=vigie;SSL Mode=Prefer", "10.1.2.3")]
    [InlineData("Host=db.region.example;Database=vigie;SSL Mode=Disable", "db.region.example")]
    [InlineData("Host=127.0.0.1,db2.region.example:5433;Database=vigie", "db2.region.example")]
    public void RemoteServerWithoutRequiredTls_IsRefused_NamingTheHostAndTheFix(string connection, string host)
    {
        var problem = PostgresTransport.Problem(connection);

        Assert.NotNull(problem);
        Assert.Contains(host, problem, StringComparison.Ordinal);
        Assert.Contains("SSL Mode=VerifyFull", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database=vigie")]
    [InlineData("this is not a connection string")]
    public void UnreadableOrHostless_IsRefused(string connection) => Assert.NotNull(PostgresTransport.Problem(connection));
}
