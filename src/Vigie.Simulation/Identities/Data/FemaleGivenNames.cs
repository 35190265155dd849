namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// Girls' first given names by birth period, weighted like the INSEE first-name files of those years (roughly),
/// so that a Germaine is old and a Maëlys is young, as the matcher will see them.
/// </summary>
internal static class FemaleGivenNames
{
    public static readonly (string Name, int Weight)[][] ByEra =
    [
        // Born before 1945.
        [
            ("Marie", 30), ("Jeanne", 25), ("Marguerite", 18), ("Germaine", 15), ("Suzanne", 15), ("Madeleine", 14),
            ("Louise", 12), ("Yvonne", 12), ("Simone", 12), ("Denise", 12), ("Paulette", 10), ("Renée", 10),
            ("Odette", 9), ("Lucienne", 8), ("Andrée", 8), ("Thérèse", 8), ("Marcelle", 8), ("Jacqueline", 8),
            ("Yvette", 7), ("Raymonde", 6), ("Georgette", 6), ("Hélène", 6), ("Colette", 6), ("Ginette", 5),
            ("Geneviève", 5), ("Henriette", 5), ("Gisèle", 5), ("Marie-Louise", 4),
        ],
        // 1945-1959.
        [
            ("Monique", 20), ("Françoise", 20), ("Nicole", 18), ("Martine", 16), ("Jacqueline", 15), ("Michèle", 15),
            ("Danielle", 14), ("Christiane", 12), ("Annie", 12), ("Chantal", 12), ("Catherine", 12), ("Sylvie", 10),
            ("Brigitte", 10), ("Christine", 10), ("Josiane", 8), ("Bernadette", 7), ("Marie-Thérèse", 6),
            ("Évelyne", 6), ("Jeanine", 6), ("Anne-Marie", 6), ("Marie-Claude", 5), ("Colette", 5), ("Mireille", 5),
            ("Josette", 5), ("Éliane", 4), ("Ginette", 3),
        ],
        // 1960-1974.
        [
            ("Isabelle", 20), ("Nathalie", 20), ("Sylvie", 18), ("Catherine", 16), ("Christine", 14),
            ("Véronique", 14), ("Valérie", 13), ("Sandrine", 12), ("Corinne", 12), ("Patricia", 12), ("Laurence", 9),
            ("Martine", 8), ("Pascale", 8), ("Florence", 8), ("Karine", 8), ("Anne", 7), ("Brigitte", 6),
            ("Dominique", 6), ("Muriel", 6), ("Fabienne", 6), ("Marie-Christine", 5), ("Béatrice", 5), ("Hélène", 5),
            ("Agnès", 5), ("Frédérique", 4), ("Évelyne", 4),
        ],
        // 1975-1989.
        [
            ("Stéphanie", 18), ("Céline", 18), ("Aurélie", 16), ("Émilie", 14), ("Julie", 14), ("Virginie", 12),
            ("Élodie", 12), ("Audrey", 11), ("Sandrine", 10), ("Caroline", 10), ("Laetitia", 10), ("Mélanie", 10),
            ("Sophie", 10), ("Delphine", 9), ("Karine", 8), ("Amélie", 7), ("Jessica", 7), ("Vanessa", 7),
            ("Séverine", 7), ("Marion", 6), ("Sabrina", 6), ("Nathalie", 5), ("Ludivine", 5), ("Cindy", 5),
            ("Anne-Sophie", 4), ("Hélène", 4),
        ],
        // 1990-2004.
        [
            ("Laura", 14), ("Manon", 14), ("Camille", 14), ("Léa", 14), ("Chloé", 13), ("Marine", 12), ("Sarah", 12),
            ("Pauline", 11), ("Marie", 10), ("Océane", 10), ("Anaïs", 9), ("Justine", 9), ("Emma", 8), ("Lucie", 8),
            ("Mathilde", 7), ("Clara", 7), ("Morgane", 7), ("Mégane", 7), ("Inès", 7), ("Julie", 7),
            ("Charlotte", 7), ("Amandine", 6), ("Clémence", 6), ("Émilie", 5), ("Alicia", 5), ("Élisa", 4),
            ("Maëva", 4),
        ],
        // 2005 onwards.
        [
            ("Emma", 16), ("Jade", 15), ("Louise", 14), ("Léa", 12), ("Chloé", 12), ("Alice", 11), ("Lina", 10),
            ("Anna", 9), ("Mila", 9), ("Inès", 9), ("Léna", 9), ("Rose", 8), ("Ambre", 8), ("Julia", 8),
            ("Manon", 8), ("Zoé", 8), ("Juliette", 8), ("Mia", 7), ("Lou", 7), ("Camille", 7), ("Maëlys", 7),
            ("Éva", 6), ("Nina", 6), ("Romane", 6), ("Sarah", 6), ("Lola", 6), ("Agathe", 5), ("Louna", 5),
        ],
    ];

    /// <summary>Further given names, traditional in every period ("Marie", "Anne", "Thérèse").</summary>
    public static readonly (string Name, int Weight)[] Further =
    [
        ("Marie", 40), ("Anne", 10), ("Louise", 10), ("Claire", 8), ("Jeanne", 8), ("Thérèse", 6),
        ("Élisabeth", 6), ("Françoise", 6), ("Catherine", 5), ("Rose", 5), ("Hélène", 5), ("Lucie", 5),
        ("Madeleine", 4), ("Christine", 4), ("Sophie", 4), ("Alice", 4), ("Josèphe", 3), ("Margaux", 3),
    ];
}
