using System.Diagnostics;
using System.Globalization;
using Vigie.Benchmarks.Micro;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// `auth-latency [--calls N]`: the per-call distribution (p50, p99) of token validation + policy decision, with and
/// without the professionals lookup, after a warm-up. BenchmarkDotNet gives means per batch; the target
/// is a per-request p99, which needs one timing per call.
/// </summary>
internal static class AuthLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length >= 2 && args[0] == "--calls" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        await using var fixture = new AuthFixture();
        await fixture.InitialiseAsync();
        foreach (var (name, call) in new (string, Func<Task>)[]
                 {
                     ("validate + decide", () => fixture.ValidateAndDecideAsync()),
                     ("validate + professionals lookup (SQLite) + decide", () => fixture.ValidateResolveAndDecideAsync()),
                 })
        {
            for (var i = 0; i < 5_000; i++)
            {
                await call();
            }

            var timings = new double[calls];
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(timings);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: p50 {Percentiles.Of([.. timings], 50):F3} ms, p99 {Percentiles.Of([.. timings], 99):F3} ms, max {timings[^1]:F3} ms over {calls:N0} calls ({Environment.ProcessorCount} cores)"));
        }

        return 0;
    }
}
