using Vigie.Core.Detection;

namespace Vigie.Dashboard;

/// <summary>French labels of detection codes (alert kinds, containment levels, reasons); unknown codes show as they are.</summary>
internal static class DashboardText
{
    /// <summary>Containment levels in increasing severity, as stored on alerts; the index is the chart's value.</summary>
    public static readonly string[] Levels = ["allow", "step-up", "throttle", "suspend-session", "suspend-account"];

    public static readonly string[] LevelLabels = ["normal", "reconnexion demandée", "ralenti", "session suspendue", "compte suspendu"];

    public static int LevelIndex(string level) => Math.Max(0, Array.IndexOf(Levels, level));

    public static string Level(string level) => Array.IndexOf(Levels, level) is var i and >= 0 ? LevelLabels[i] : level;

    public static string Kind(string kind) => kind switch
    {
        nameof(RiskAlertKind.Canary) => "Patient sentinelle consulté",
        nameof(RiskAlertKind.SessionSuspended) => "Session suspendue",
        nameof(RiskAlertKind.AccountSuspended) => "Compte suspendu",
        nameof(RiskAlertKind.CircuitBreaker) => "Disjoncteur régional",
        nameof(RiskAlertKind.StepUpUnanswered) => "Reconnexion demandée restée sans réponse",
        _ => kind,
    };

    public static string Reason(string reason)
    {
        if (reason.StartsWith(RiskReasons.Officer + ":", StringComparison.Ordinal))
        {
            return "décision d'un officier : " + reason[(RiskReasons.Officer.Length + 1)..];
        }

        return reason switch
        {
            RiskReasons.Canary => "patient sentinelle consulté",
            RiskReasons.Volume or RiskReasons.AccountVolume => "volume inhabituel",
            RiskReasons.Rate => "rythme inhabituel",
            RiskReasons.CareLink => "patients sans lien de soin",
            RiskReasons.Contact => "coordonnées demandées en masse",
            RiskReasons.Probing => "recherches sans résultat en série",
            RiskReasons.Breadth => "recherches peu spécifiques",
            RiskReasons.Sweep => "balayage alphabétique",
            RiskReasons.Timing => "heure inhabituelle",
            RiskReasons.NewNetwork => "nouveau réseau",
            RiskReasons.NewUserAgent => "nouveau navigateur",
            RiskReasons.ConcurrentSessions => "sessions simultanées",
            RiskReasons.SessionNetworkChange => "changement de réseau en cours de session",
            RiskReasons.TokenAge => "jeton ancien",
            RiskReasons.TaintedNetwork => "réseau déjà compromis",
            RiskReasons.CircuitBreaker => "disjoncteur régional",
            RiskReasons.Overwhelming => "score de risque très élevé",
            RiskReasons.RepeatedSessionSuspensions => "sessions suspendues à répétition",
            RiskReasons.StepUpUnanswered => "reconnexion demandée restée sans réponse",
            RiskReasons.StepUpPending => "reconnexion demandée",
            _ => reason,
        };
    }

    public static string Reasons(IEnumerable<string> reasons) => string.Join(", ", reasons.Select(Reason));
}
