using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Vigie.Core.Access;

namespace Vigie.Benchmarks.Micro;

/// <summary>
/// Per-request cost of sign-in checks with a warm key cache (issue 3: at most 0.5 ms at p99), compared by ratio
/// to merely decoding the token. `auth-latency` (Scenarios/AuthLatency.cs) gives the per-call p99.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class AuthBenchmarks
{
    private AuthFixture _fixture = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new AuthFixture();
        _fixture.InitialiseAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public JsonWebToken DecodeOnly() => new(_fixture.Token);

    [Benchmark]
    public Task<System.Security.Claims.ClaimsIdentity> ValidateToken() => _fixture.ValidateAsync();

    [Benchmark]
    public Task<AccessDecision> ValidateAndDecide() => _fixture.ValidateAndDecideAsync();

    [Benchmark]
    public Task<AccessDecision> ValidateResolveInSqliteAndDecide() => _fixture.ValidateResolveAndDecideAsync();

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
