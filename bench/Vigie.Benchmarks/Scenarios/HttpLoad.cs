using System.Diagnostics;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// A bounded closed-loop load on loopback: a fixed number of concurrent clients for a fixed duration.
/// The same generator drives Vigie and a bare Kestrel floor in the same run, so the figure that survives a noisy
/// machine is the ratio between them.
/// </summary>
internal static class HttpLoad
{
    public sealed record Result(int Requests, int Errors, double Seconds, List<double> SortedLatenciesMs)
    {
        public double RequestsPerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(Uri baseAddress, Func<int, string> urlFor, int concurrency, TimeSpan duration, string? bearer = null)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new InvalidOperationException("load is only ever sent to loopback");
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        var latencies = new List<double>[concurrency];
        var errors = 0;
        var counter = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = stopwatch.Elapsed + duration;
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            latencies[w] = [];
            while (stopwatch.Elapsed < deadline)
            {
                var i = Interlocked.Increment(ref counter);
                var start = stopwatch.Elapsed;
                using var response = await client.GetAsync(urlFor(i));
                await response.Content.ReadAsByteArrayAsync();
                latencies[w].Add((stopwatch.Elapsed - start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(all.Count, errors, stopwatch.Elapsed.TotalSeconds, all);
    }
}
