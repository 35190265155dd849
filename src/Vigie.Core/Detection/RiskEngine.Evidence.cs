using Vigie.Core.Access;

namespace Vigie.Core.Detection;

public sealed partial class RiskEngine
{
    // Days of the configured concentration in an account's learnt one.
    private const double SpreadPriorDays = 5;

    private readonly Weighed _weighed = new();

    /// <summary>Weighs a request: behavioural CUSUMs tried with its patients, context, timing, volume, rate caps.</summary>
    private Weighed Weigh(AccountState account, SessionState session, AccessEvent request, int hourOfWeek, long now)
    {
        var w = _weighed;
        w.Reset();
        var o = _options;
        var prior = o.PriorOf(account.Role);
        var peer = _region.Peer(account.Establishment, account.Role);
        var p = _patients;
        var signals = session.Signals;
        var cap = o.SignalCap;
        var concentration = o.RateConcentration;
        double Judge(Counts counts, int kind, double attack)
        {
            var usual = Usual(account, peer, prior, kind);
            return Evidence.Rate(counts, usual, attack, account.Profile.Spreads[kind].Concentration(usual, concentration, SpreadPriorDays), cap);
        }

        if (p.NewToSession > 0)
        {
            var weight = CareLinkWeight(p.NewToSession);
            for (var i = 0; i < p.Count; i++)
            {
                if (p.IsNewToSession(i))
                {
                    signals.Unlinked.Add(!p.Unlinked(i) ? 0 : request.Purpose is null ? 1 : o.BreakTheGlassWeight, weight);
                }
            }

            signals.CareLink = Judge(signals.Unlinked, SignalKind.Unlinked, o.AttackUnlinkedRate);
        }

        if (p.Count > 0)
        {
            signals.Contact.Add(request.Categories != ContactCategories.None);
            signals.ContactEvidence = Judge(signals.Contact, SignalKind.Contact, o.AttackContactRate);
        }

        var search = request.Query is not null || request.Action is AccessAction.Search or AccessAction.Match;
        if (search || p.Count == 0)
        {
            // A read of an id that does not exist is a guess, like an empty search.
            signals.Empty.Add(p.Count == 0);
            signals.Probing = Judge(signals.Empty, SignalKind.Empty, o.AttackEmptyRate);
        }

        if (search)
        {
            var shape = request.Query ?? default;
            if (p.Count > 0)
            {
                signals.Broad.Add(p.Count >= 3 || shape.Specificity < 6);
                signals.Breadth = Judge(signals.Broad, SignalKind.Broad, o.AttackBroadRate);
            }

            if (Order(shape, session, p.Count == 0 || p.AnyUnlinked, ref signals))
            {
                var order = Math.Max(
                    Evidence.Rate(signals.Order, 0.5, o.SweepOrderLikelihood, 4 * concentration, cap),
                    Evidence.Rate(signals.UndatedOrder, 0.5, o.SweepOrderLikelihood, 4 * concentration, cap));
                signals.Sweep = Math.Min(cap, order + Evidence.Rate(signals.Sequence, o.UsualSequenceRate, o.AttackSequenceRate, concentration, cap));
            }
        }

        w.Signals = signals;
        Context(account, session, request, now, w);
        w.Timing = Evidence.Timing(account.Profile.Hours.Share(hourOfWeek, prior.Hours, o.HoursPriorWeeks), o.TimingMargin, o.TimingCap);
        Volume(account, w);
        // Corroborating context counts once in the total (as context) and also backs the behavioural minimum.
        w.Behaviour = signals.Sum + w.Volume + w.Corroborating;
        w.Total = w.Context + w.Timing + signals.Sum + w.Volume;
        var breaker = w.Context >= 0.5 && _region.BreakerTripped(now);
        w.Threshold = (o.StepUpScore * (breaker ? o.BreakerSensitivity : 1)) + session.Cleared;
        return w;
    }

    /// <summary>What each of a request's <paramref name="newPatients"/> weighs in the care-link counts (see <see cref="DetectionOptions.CareLinkResultDamping"/>).</summary>
    private double CareLinkWeight(int newPatients) => newPatients <= 1 ? 1 : Math.Pow(newPatients, -_options.CareLinkResultDamping);

    private double Usual(AccountState account, PeerGroup peer, RolePrior prior, int kind) =>
        account.Profile.Rates[kind].Rate(peer.Rate(kind, SignalKind.PriorRate(prior, kind), _options.PriorWeight), _options.PriorWeight);

    /// <summary>
    /// Counts the search's order against the session's previous one, and a name-only search's also against the previous
    /// name-only one (a sweep hidden among look-ups from a list): later or earlier in the alphabet (only when the
    /// search reached beyond the establishment's patients or found nobody: a list of the day's admissions sorted by
    /// name is work, not a sweep), and whether it is in sequence (an identifier within 10, the same surname with a
    /// birth date 1 to 3 days off). True when a count changed.
    /// </summary>
    private static bool Order(QueryShape query, SessionState session, bool reachesBeyond, ref SessionSignals signals)
    {
        var changed = false;
        if (reachesBeyond && query.NameKey != 0 && session.LastNameKey != 0 && query.NameKey != session.LastNameKey)
        {
            signals.Order.Add(query.NameKey > session.LastNameKey);
            changed = true;
        }

        if (reachesBeyond && query.NameKey != 0 && query.BirthDay == 0 && session.LastUndatedNameKey != 0 && query.NameKey != session.LastUndatedNameKey)
        {
            signals.UndatedOrder.Add(query.NameKey > session.LastUndatedNameKey);
            changed = true;
        }

        if (query.NameKey != 0 && session.LastNameKey != 0 && query.BirthDay != 0 && session.LastBirthDay != 0
            && query.FamilyKey == session.LastNameKey / (27 * 27))
        {
            signals.Sequence.Add(Math.Abs(query.BirthDay - session.LastBirthDay) is >= 1 and <= 3);
            changed = true;
        }

        if (query.IdentifierNumber != 0 && session.LastIdentifier != 0)
        {
            signals.Sequence.Add(Math.Abs(query.IdentifierNumber - session.LastIdentifier) is >= 1 and <= 10);
            changed = true;
        }

        return changed;
    }

    private void Context(AccountState account, SessionState session, AccessEvent request, long now, Weighed w)
    {
        var o = _options;
        var profile = account.Profile;
        var maturity = Math.Min(1.0, profile.CleanDays / (double)Math.Max(1, o.MaturityDays));
        var network = session.Network;
        if (network.IsKnown)
        {
            var establishmentSubnet = _region.IsEstablishmentSubnet(account.Establishment, network.Subnet);
            if (!establishmentSubnet && !profile.Subnets.Contains(network.Subnet))
            {
                var knownBlock = profile.Blocks.Contains(network.Block) || _region.IsEstablishmentBlock(account.Establishment, network.Block);
                w.NewNetwork = maturity * (knownBlock ? o.NewSubnetEvidence : o.NewNetworkEvidence);
            }

            if (!establishmentSubnet && _region.IsTainted(network.Subnet, now, account.Professional))
            {
                w.Tainted = o.TaintedNetworkEvidence;
            }

            if (session.FirstNetwork.IsKnown && session.FirstNetwork.Block != network.Block)
            {
                w.NetworkChange = o.SessionNetworkChangeEvidence;
            }

            var since = now - o.ConcurrentWindow.Ticks;
            foreach (var other in account.Sessions.Values)
            {
                if (!ReferenceEquals(other, session) && other.LastTicks > since && other.Network.IsKnown
                    && _containment.Session(account.Professional, other.Id) is null)
                {
                    w.Concurrent = Math.Max(w.Concurrent, other.Network.Block != network.Block ? o.ConcurrentOtherNetworkEvidence : o.ConcurrentSameNetworkEvidence);
                }
            }

            // A new sign-in beside a session left open lasts minutes; two sessions working side by side for an hour
            // are two users (or one and a program) on one account, even if one of them pauses now and then.
            var pause = o.ConcurrencyPause.Ticks;
            var ongoing = session.ConcurrentSince != 0 && now - session.ConcurrentSeen <= pause && now - session.LastTicks <= pause;
            if (w.Concurrent > 0)
            {
                session.ConcurrentSince = ongoing ? session.ConcurrentSince : now;
                session.ConcurrentSeen = now;
            }
            else if (!ongoing)
            {
                session.ConcurrentSince = 0;
            }

            // Measured up to the last time both were seen working, so a pause keeps what was reached, not more: a tab
            // left open for a few minutes after a new sign-in stays a few minutes of concurrency.
            if (session.ConcurrentSince != 0)
            {
                w.Concurrent += o.SustainedConcurrencyEvidence * Math.Min(1, (session.ConcurrentSeen - session.ConcurrentSince) / (double)TimeSpan.TicksPerHour);
            }
        }

        if (session.UserAgent != 0 && !profile.UserAgents.Contains(session.UserAgent))
        {
            w.NewUserAgent = maturity * o.NewUserAgentEvidence;
        }

        if (request.AuthenticatedAt is { } auth)
        {
            var age = now - auth.UtcTicks;
            w.TokenAge = age > 3 * o.TokenAgeLimit.Ticks ? 2 * o.TokenAgeEvidence : age > o.TokenAgeLimit.Ticks ? o.TokenAgeEvidence : 0;
        }
    }

    /// <summary>
    /// Volume evidence of the session's windows against the account's usual peaks, and of the account's windows when
    /// this session brought most of its patients (so an owner working beside an intruder is not the one stepped up);
    /// and the rate caps beyond which the session is throttled.
    /// </summary>
    private void Volume(AccountState account, Weighed w)
    {
        var o = _options;
        var share = _accountCounts[3] == 0 ? 1.0 : _sessionCounts[3] / (double)_accountCounts[3];
        for (var window = 0; window < SlidingDistinct.WindowCount; window++)
        {
            w.SessionCounts[window] = _sessionCounts[window];
            var usual = account.Expected[window];
            w.Volume = Math.Max(w.Volume, Evidence.Volume(_sessionCounts[window], usual, o.VolumeWeight));
            if (share >= 0.5)
            {
                var whole = Evidence.Volume(_accountCounts[window], usual, o.VolumeWeight);
                if (whole > w.Volume)
                {
                    w.Volume = whole;
                    w.AccountVolume = true;
                }
            }
        }

        w.AccountCount24Hours = _accountCounts[3];
        var perMinute = Math.Max(o.ThrottlePerMinute, o.ThrottleBaselineMultiple * account.Expected[0]);
        var per15Minutes = Math.Max(o.ThrottlePer15Minutes, o.ThrottleBaselineMultiple * account.Expected[1]);
        if (_sessionCounts[0] > perMinute || (share >= 0.5 && _accountCounts[0] > perMinute))
        {
            w.RateExceeded = true;
            w.RetryAfterTicks = TimeSpan.TicksPerMinute;
        }
        else if (_sessionCounts[1] > per15Minutes || (share >= 0.5 && _accountCounts[1] > per15Minutes))
        {
            w.RateExceeded = true;
            w.RetryAfterTicks = 5 * TimeSpan.TicksPerMinute;
        }
    }
}
