using System.Net;

namespace Vigie.Demo;

/// <summary>How the server answered one demo request, as a client sees it.</summary>
internal enum DemoAnswer
{
    /// <summary>2xx: the data was sent.</summary>
    Served,

    /// <summary>401 insufficient_user_authentication (RFC 9470): sign in again with the card. An attacker holding only a stolen session cannot.</summary>
    StepUp,

    /// <summary>
    /// 401 insufficient_user_authentication from the access policy, not from detection: the interaction needs a more
    /// recent sign-in than the session has (RFC 9470 max_age). Ordinary for a long shift; the user signs in again.
    /// </summary>
    PolicyStepUp,

    /// <summary>429 with Retry-After.</summary>
    Throttled,

    /// <summary>403 because the session is suspended by detection or the security team.</summary>
    SessionSuspended,

    /// <summary>403 because the whole account is suspended.</summary>
    AccountSuspended,

    /// <summary>Any other 4xx (policy refusal, unknown patient...): ordinary, not detection.</summary>
    OtherRefusal,

    /// <summary>5xx or no answer.</summary>
    Failed,
}

/// <summary>
/// Classifies answers by status and by the messages the detection code writes (LiveDetection's "unusual activity"
/// step-up, ContainmentGate's suspensions), which is how a client tells detection from the access policy.
/// </summary>
internal static class DemoAnswers
{
    public static DemoAnswer Of(HttpStatusCode status, string? wwwAuthenticate, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var code = (int)status;
        return code switch
        {
            >= 200 and < 300 => DemoAnswer.Served,
            401 when wwwAuthenticate?.Contains("insufficient_user_authentication", StringComparison.Ordinal) == true
                => wwwAuthenticate.Contains("unusual activity", StringComparison.Ordinal) ? DemoAnswer.StepUp : DemoAnswer.PolicyStepUp,
            429 => DemoAnswer.Throttled,
            403 when body.Contains("this session is suspended", StringComparison.Ordinal) => DemoAnswer.SessionSuspended,
            403 when body.Contains("this account is suspended", StringComparison.Ordinal) => DemoAnswer.AccountSuspended,
            >= 400 and < 500 => DemoAnswer.OtherRefusal,
            _ => DemoAnswer.Failed,
        };
    }

    /// <summary>Step-up, throttle and suspensions: what detection does.</summary>
    public static bool IsContainment(this DemoAnswer answer) => answer is DemoAnswer.StepUp or DemoAnswer.Throttled or DemoAnswer.SessionSuspended or DemoAnswer.AccountSuspended;

    /// <summary>French label for the console.</summary>
    public static string Label(this DemoAnswer answer) => answer switch
    {
        DemoAnswer.StepUp => "ré-authentification exigée",
        DemoAnswer.PolicyStepUp => "connexion trop ancienne pour cette action",
        DemoAnswer.Throttled => "ralenti (429)",
        DemoAnswer.SessionSuspended => "session suspendue",
        DemoAnswer.AccountSuspended => "compte suspendu",
        DemoAnswer.Served => "servi",
        DemoAnswer.OtherRefusal => "refus ordinaire",
        _ => "échec",
    };
}
