namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// Countries of birth abroad, with their INSEE code (99 and three digits). Weights follow the main origins of
/// people born abroad and living in the north of France.
/// </summary>
internal static class Countries
{
    public static readonly Place[] All =
    [
        new("99352", "Algérie", null, 30),
        new("99350", "Maroc", null, 25),
        new("99139", "Portugal", null, 10),
        new("99131", "Belgique", null, 9),
        new("99351", "Tunisie", null, 6),
        new("99127", "Italie", null, 4),
        new("99208", "Turquie", null, 3),
        new("99122", "Pologne", null, 3),
        new("99341", "Sénégal", null, 3),
        new("99134", "Espagne", null, 2),
        new("99109", "Allemagne", null, 2),
        new("99312", "République démocratique du Congo", null, 2),
        new("99326", "Côte d'Ivoire", null, 2),
        new("99322", "Cameroun", null, 2),
        new("99335", "Mali", null, 2),
        new("99114", "Roumanie", null, 2),
        new("99330", "Guinée", null, 1),
        new("99132", "Royaume-Uni", null, 1),
        new("99243", "Viet Nam", null, 1),
    ];
}
