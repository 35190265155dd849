namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// Birthplaces elsewhere in France, for people who moved to the region. Paris, Lyon and Marseille births are
/// coded by arrondissement (751xx, 6938x, 132xx), as INSEE birthplace codes are. Corsica is kept apart because
/// its 2A/2B codes exercise a special case of the INS key.
/// </summary>
internal static class OtherCommunes
{
    public static readonly Place[] Mainland =
    [
        new("75112", "Paris 12e Arrondissement", "75012", 60),
        new("75114", "Paris 14e Arrondissement", "75014", 60),
        new("75115", "Paris 15e Arrondissement", "75015", 50),
        new("75118", "Paris 18e Arrondissement", "75018", 40),
        new("75113", "Paris 13e Arrondissement", "75013", 40),
        new("69383", "Lyon 3e Arrondissement", "69003", 25),
        new("69388", "Lyon 8e Arrondissement", "69008", 15),
        new("13205", "Marseille 5e Arrondissement", "13005", 20),
        new("13213", "Marseille 13e Arrondissement", "13013", 15),
        new("76540", "Rouen", "76000", 30),
        new("76351", "Le Havre", "76600", 25),
        new("51454", "Reims", "51100", 35),
        new("08105", "Charleville-Mézières", "08000", 15),
        new("67482", "Strasbourg", "67000", 25),
        new("57463", "Metz", "57000", 20),
        new("54395", "Nancy", "54000", 20),
        new("44109", "Nantes", "44000", 15),
        new("33063", "Bordeaux", "33000", 15),
        new("31555", "Toulouse", "31000", 15),
        new("35238", "Rennes", "35000", 15),
        new("29019", "Brest", "29200", 10),
        new("14118", "Caen", "14000", 12),
        new("37261", "Tours", "37000", 10),
        new("45234", "Orléans", "45000", 10),
        new("21231", "Dijon", "21000", 10),
        new("34172", "Montpellier", "34000", 10),
        new("06088", "Nice", "06000", 10),
        new("38185", "Grenoble", "38000", 8),
        new("10387", "Troyes", "10000", 8),
        new("97411", "Saint-Denis", "97400", 8),
        new("97209", "Fort-de-France", "97200", 6),
    ];

    public static readonly Place[] Corsica =
    [
        new("2A004", "Ajaccio", "20000", 70),
        new("2B033", "Bastia", "20200", 48),
        new("2A247", "Porto-Vecchio", "20137", 12),
        new("2B096", "Corte", "20250", 7),
    ];
}
