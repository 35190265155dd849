using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Hosting;
using Vigie.Seeding;
using Vigie.Simulation.Trace;

namespace Vigie.Demo;

/// <summary>
/// Plays the scripted working day against the running server over real HTTP with real tokens: lines in time order,
/// the demo clock moved to each line's time, each session's requests in order (and, for a reproducible run, one
/// request at a time: see <see cref="Parallel"/>). An attacker script cannot pass a step-up but keeps trying with its stolen session until it is
/// suspended; a legitimate user asked to step up signs in again with the card (a fresh auth_time) and retries once.
/// </summary>
internal sealed class DemoTraffic(VigieSettings settings, HttpClient http, DemoClock clock, PatientDirectory directory, DemoScore score, DemoConsole console)
{
    /// <summary>
    /// Requests in flight at once. One: detection decisions depend on the order requests reach the engine (its
    /// windows, the regional circuit breaker), and the demo promises the same run for the same seed.
    /// </summary>
    private const int Parallel = 1;

    private readonly SigningKeys _keys = SigningKeys.LoadOrCreate(settings.DataDirectory);
    private readonly Dictionary<string, Task<string?>> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _sessions = new(StringComparer.Ordinal);

    public async Task PlayAsync(IEnumerator<TraceEvent> lines, bool hasCurrent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var slots = new SemaphoreSlim(Parallel);
        var inFlight = new List<Task>();
        for (var more = hasCurrent; more; more = lines.MoveNext())
        {
            var line = lines.Current;
            ct.ThrowIfCancellationRequested();
            await slots.WaitAsync(ct).ConfigureAwait(false);
            clock.AdvanceTo(line.Access.Time);
            var previous = _sessions.GetValueOrDefault(line.Access.Session) ?? Task.CompletedTask;
            var task = RunAfterAsync(previous, line, slots, ct);
            _sessions[line.Access.Session] = task;
            inFlight.Add(task);
            if (inFlight.Count > 256)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }

            console.Tick(clock.GetUtcNow(), score);
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task RunAfterAsync(Task previous, TraceEvent line, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await previous.ConfigureAwait(false);
            if (score.IsOver(line.Access.Session))
            {
                return;
            }

            var (answer, disclosed) = await SendAsync(line, freshSignIn: false, ct).ConfigureAwait(false);
            if (answer is DemoAnswer.StepUp or DemoAnswer.PolicyStepUp && !score.IsAttacker(line.Access.Session))
            {
                score.Record(line, answer, []);
                (answer, disclosed) = await SendAsync(line, freshSignIn: true, ct).ConfigureAwait(false);
            }

            if (score.Record(line, answer, disclosed) is { } stopped)
            {
                console.AttackerContained(stopped);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<(DemoAnswer, IReadOnlyList<string>)> SendAsync(TraceEvent line, bool freshSignIn, CancellationToken ct)
    {
        var token = await TokenAsync(line, freshSignIn).ConfigureAwait(false);
        if (token is null)
        {
            return (DemoAnswer.OtherRefusal, []);
        }

        using var request = DemoRequests.For(line, directory, token);
        if (request is null)
        {
            return (DemoAnswer.OtherRefusal, []);
        }

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var answer = DemoAnswers.Of(response.StatusCode, response.Headers.WwwAuthenticate.ToString(), body);
            return (answer, answer == DemoAnswer.Served ? DemoRequests.Disclosed(line, body, directory) : []);
        }
        catch (HttpRequestException)
        {
            return (DemoAnswer.Failed, []);
        }
    }

    /// <summary>
    /// One token per sign-in session, minted by the built-in provider with the session id (sid) and the line's
    /// auth_time. Token validity (nbf, exp) is checked on the real clock, so it is issued on the real clock; the
    /// simulated sign-in time only goes into auth_time, which detection and step-up read on the demo clock.
    /// </summary>
    private Task<string?> TokenAsync(TraceEvent line, bool freshSignIn)
    {
        // Signing in again with the card takes a moment: the new auth_time (whole seconds, as in a JWT) is the next
        // second, strictly after the step-up demand made in this one, and the demo clock moves there. Stamped with
        // the demand's own second, the sign-in would not count as after it and the professional would stay stuck.
        var resignedAt = freshSignIn ? DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds() + 1) : default;
        if (freshSignIn)
        {
            clock.AdvanceTo(resignedAt);
        }

        var key = line.Access.Session + (freshSignIn ? "|" + resignedAt.ToUnixTimeSeconds() : "");
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(key, out var token))
            {
                var signedIn = freshSignIn ? resignedAt : line.Access.AuthenticatedAt ?? line.Access.Time;
                token = MintAsync(line.Access.Professional.Value, line.Access.Session, signedIn);
                _tokens[key] = token;
                if (freshSignIn)
                {
                    _tokens[line.Access.Session] = token; // Later requests of the session use the new sign-in.
                }
            }

            return token;
        }
    }

    private async Task<string?> MintAsync(string professional, string session, DateTimeOffset signedIn)
    {
        var realNow = TimeProvider.System.GetUtcNow();
        var options = new BuiltInTokens.Options(BuiltInProvider.IssuerOf(settings), settings.Auth.Audience, TimeSpan.FromHours(12), "eidas1",
            realNow - signedIn < TimeSpan.Zero ? TimeSpan.Zero : realNow - signedIn, session);
        await using var db = StorageSetup.CreateContext(settings);
        var minted = await BuiltInTokens.ForProfessionalAsync(db, _keys, options, professional, realNow, CancellationToken.None).ConfigureAwait(false);
        return minted.Success ? minted.Value : null;
    }
}
