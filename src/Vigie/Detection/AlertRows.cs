using Vigie.Core.Detection;
using Vigie.Storage.Detection;

namespace Vigie.Detection;

/// <summary>An engine alert as the shared alerts table stores it (the table every node and the officers' API read).</summary>
internal static class AlertRows
{
    public static AlertRow From(RiskAlert alert, string level) => new()
    {
        Kind = alert.Kind.ToString(),
        ProfessionalId = alert.Professional.Value,
        Session = alert.Session,
        At = alert.At,
        Reasons = Truncate(string.Join(',', alert.Reasons)),
        Level = level,
    };

    public static string Truncate(string reasons) => reasons.Length <= 1000 ? reasons : reasons[..1000];
}
