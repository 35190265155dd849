using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>Browsers installed in establishments and at home, and the clients of scripts.</summary>
internal static class UserAgents
{
    public const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36";
    public const string Edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36 Edg/134.0.3124.85";
    public const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:136.0) Gecko/20100101 Firefox/136.0";
    public const string MacSafari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15";
    public const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1";
    public const string Android = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Mobile Safari/537.36";

    public static readonly string[] Scripts = ["python-requests/2.32.3", "Go-http-client/1.1", "curl/8.5.0", "okhttp/4.12.0"];

    public static string EstablishmentStandard(SimRandom random) => random.NextDouble() switch
    {
        < 0.6 => Chrome,
        < 0.9 => Edge,
        _ => Firefox,
    };

    public static string Personal(SimRandom random) => random.NextDouble() switch
    {
        < 0.5 => Chrome,
        < 0.7 => Firefox,
        < 0.85 => Edge,
        _ => MacSafari,
    };

    public static string Phone(SimRandom random) => random.Chance(0.5) ? IPhone : Android;
}
