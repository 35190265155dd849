using Vigie.Core.Access;

namespace Vigie.Core.Detection;

public sealed partial class RiskEngine
{
    // Days of role prior in a peer group's baseline: the prior fades once a handful of member-days are pooled.
    private const double PriorDaysInPeer = 5;

    /// <summary>Counts the request's patients as disclosed and keeps the tried signals and the day's statistics.</summary>
    private void Commit(AccountState account, SessionState session, AccessEvent request, SessionSignals signals, int hourOfWeek, long now)
    {
        var p = _patients;
        session.Signals = signals;
        if (request.Query is { } query)
        {
            session.LastNameKey = query.NameKey != 0 ? query.NameKey : session.LastNameKey;
            session.LastUndatedNameKey = query.NameKey != 0 && query.BirthDay == 0 ? query.NameKey : session.LastUndatedNameKey;

            session.LastBirthDay = query.BirthDay != 0 ? query.BirthDay : session.LastBirthDay;
            session.LastIdentifier = query.IdentifierNumber != 0 ? query.IdentifierNumber : session.LastIdentifier;
        }

        var day = account.Today;
        var newUnlinked = 0;
        for (var i = 0; i < p.Count; i++)
        {
            session.Window.Add(p.Key(i), p.Unlinked(i), now);
            account.Window.Add(p.Key(i), p.Unlinked(i), now);
            newUnlinked += p.IsNewToSession(i) && p.Unlinked(i) ? 1 : 0;
        }

        day.Active = true;
        // Learnt with the same weights as judged, so that the usual rate and the session's counts compare.
        var weight = CareLinkWeight(p.NewToSession);
        day.Rates[SignalKind.Unlinked].Add(newUnlinked * weight, p.NewToSession * weight);
        if (p.Count > 0)
        {
            day.Rates[SignalKind.Contact].Add(request.Categories != ContactCategories.None ? 1 : 0, 1);
            HourProfile.Set(day.ActiveHours, hourOfWeek);
        }

        if (request.Query is not null || request.Action is AccessAction.Search or AccessAction.Match)
        {
            day.Rates[SignalKind.Empty].Add(p.Count == 0 ? 1 : 0, 1);
            if (p.Count > 0)
            {
                day.Rates[SignalKind.Broad].Add(p.Count >= 3 || (request.Query?.Specificity ?? 0) < 6 ? 1 : 0, 1);
            }
        }

        for (var w = 0; w < SlidingDistinct.WindowCount; w++)
        {
            day.Peaks[w] = Math.Max(day.Peaks[w], account.Window.Distinct(w));
        }

        day.NoteContext(session.Network.Subnet, session.Network.Block, session.UserAgent);
    }

    /// <summary>A new local day for the account: learn from the one that ended if it was clean, then start afresh.</summary>
    private void RollDay(AccountState account, DateOnly day, long now)
    {
        if (account.HasDay && account.Today.Clean)
        {
            LearnDay(account);
        }

        account.Today.Reset();
        account.Day = day;
        account.HasDay = true;
        account.ExpectedFor = null;
        EvictIdleSessions(account, now);
    }

    /// <summary>
    /// Folds a clean day into the account's baselines and its peer group's. Days with a throttle, a suspension or an
    /// unanswered step-up are skipped, so an intruder cannot teach the engine that harvesting is this account's habit.
    /// </summary>
    private void LearnDay(AccountState account)
    {
        var o = _options;
        var day = account.Today;
        var profile = account.Profile;
        var decay = Math.Pow(0.5, 1 / o.BaselineHalfLifeDays);
        profile.Peaks.Learn(day.Peaks, 1 - decay);
        for (var k = 0; k < SignalKind.Count; k++)
        {
            profile.Rates[k].Decay(decay);
            profile.Rates[k].Add(day.Rates[k].Hits, day.Rates[k].Trials);
            profile.Spreads[k].Learn(day.Rates[k].Hits, day.Rates[k].Trials, 1 - decay);
        }

        profile.Hours.Learn(day.ActiveHours, Math.Pow(0.5, 1 / o.HoursHalfLifeDays));
        foreach (var (subnet, block, userAgent) in day.Contexts)
        {
            profile.SeenOnCleanDay(subnet, block, userAgent, account.Day.DayNumber);
            _region.LearnEstablishmentNetwork(account.Establishment, account.Professional, subnet, block, o.EstablishmentNetworkAccounts);
        }

        profile.CleanDays++;
        _region.Peer(account.Establishment, account.Role).Learn(day.Peaks, day.Rates);
    }

    /// <summary>The account's usual peaks: its own baseline, blended with its peer group's, itself blended with the role prior.</summary>
    private void RefreshExpected(AccountState account)
    {
        var o = _options;
        var prior = o.PriorOf(account.Role);
        var peer = _region.Peer(account.Establishment, account.Role);
        for (var w = 0; w < SlidingDistinct.WindowCount; w++)
        {
            var fromPrior = (Math.Log(prior.Peak(w) + 1), prior.PeakSpread * prior.PeakSpread);
            var fromPeers = peer.Peaks.Blend(w, fromPrior, PriorDaysInPeer);
            var (mean, variance) = account.Profile.Peaks.Blend(w, fromPeers, o.PeerWeightDays);
            account.Expected[w] = Evidence.UsualPeak(mean, variance, o.VolumeQuantile);
        }

        account.ExpectedFor = (account.Establishment, account.Role);
    }
}
