namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// Boys' first given names by birth period (same periods as <see cref="FemaleGivenNames"/>), including the
/// compound Jean-Pierre generation whose hyphen desks so often drop.
/// </summary>
internal static class MaleGivenNames
{
    public static readonly (string Name, int Weight)[][] ByEra =
    [
        // Born before 1945.
        [
            ("Jean", 30), ("André", 20), ("Pierre", 18), ("René", 16), ("Marcel", 16), ("Louis", 15),
            ("Robert", 14), ("Roger", 13), ("Georges", 12), ("Henri", 12), ("Maurice", 12), ("Paul", 12),
            ("Raymond", 11), ("Joseph", 10), ("Jacques", 10), ("Albert", 9), ("Lucien", 8), ("Michel", 8),
            ("Fernand", 7), ("Claude", 7), ("Gaston", 6), ("Émile", 6), ("Bernard", 6), ("Guy", 6), ("Roland", 5),
            ("Léon", 5), ("Julien", 4),
        ],
        // 1945-1959.
        [
            ("Michel", 20), ("Alain", 16), ("Gérard", 16), ("Jean-Pierre", 15), ("Daniel", 15), ("Bernard", 14),
            ("Patrick", 14), ("Philippe", 14), ("Christian", 13), ("Jacques", 12), ("Jean-Claude", 11),
            ("Claude", 10), ("Jean", 10), ("Serge", 9), ("Dominique", 8), ("Pierre", 8), ("Jean-Marie", 6),
            ("Francis", 6), ("Guy", 6), ("Gilles", 6), ("Jean-Paul", 6), ("Yves", 6), ("Jean-Louis", 6),
            ("Didier", 6), ("Joël", 5), ("René", 4), ("Jean-Jacques", 4),
        ],
        // 1960-1974.
        [
            ("Philippe", 16), ("Pascal", 16), ("Thierry", 15), ("Éric", 15), ("Laurent", 15), ("Christophe", 14),
            ("Stéphane", 14), ("Frédéric", 12), ("Olivier", 12), ("Patrick", 10), ("Didier", 10), ("Bruno", 10),
            ("Franck", 9), ("Hervé", 8), ("Fabrice", 8), ("Jean-Marc", 7), ("Dominique", 7), ("Vincent", 7),
            ("Denis", 6), ("Jean-François", 6), ("Emmanuel", 6), ("Alain", 5), ("Gilles", 5), ("Lionel", 5),
            ("Jean-Luc", 5), ("Régis", 4), ("Joël", 4),
        ],
        // 1975-1989.
        [
            ("Sébastien", 18), ("Nicolas", 18), ("Julien", 15), ("Jérôme", 12), ("Cédric", 12), ("David", 12),
            ("Mickaël", 10), ("Christophe", 10), ("Guillaume", 10), ("Alexandre", 10), ("Anthony", 9), ("Romain", 9),
            ("Ludovic", 8), ("Grégory", 8), ("Thomas", 8), ("Jonathan", 7), ("Matthieu", 7), ("Benjamin", 7),
            ("Fabien", 7), ("Mathieu", 7), ("Damien", 7), ("Arnaud", 6), ("Vincent", 6), ("Yannick", 5),
            ("Maxime", 5), ("Kévin", 4), ("Jean-Baptiste", 3),
        ],
        // 1990-2004.
        [
            ("Thomas", 16), ("Maxime", 13), ("Kévin", 12), ("Lucas", 12), ("Alexandre", 11), ("Quentin", 11),
            ("Nicolas", 10), ("Antoine", 10), ("Théo", 10), ("Julien", 9), ("Hugo", 9), ("Romain", 9),
            ("Florian", 9), ("Clément", 9), ("Valentin", 9), ("Dylan", 7), ("Baptiste", 7), ("Anthony", 6),
            ("Jordan", 6), ("Louis", 6), ("Adrien", 6), ("Enzo", 6), ("Mathis", 5), ("Paul", 5), ("Bastien", 5),
            ("Corentin", 5), ("Axel", 5), ("Pierre-Louis", 2),
        ],
        // 2005 onwards.
        [
            ("Gabriel", 15), ("Léo", 15), ("Raphaël", 13), ("Louis", 13), ("Lucas", 13), ("Jules", 12), ("Hugo", 12),
            ("Arthur", 11), ("Adam", 11), ("Nathan", 10), ("Ethan", 9), ("Noah", 9), ("Théo", 9), ("Tom", 8),
            ("Enzo", 8), ("Mathis", 8), ("Liam", 8), ("Timéo", 7), ("Sacha", 7), ("Paul", 7), ("Aaron", 6),
            ("Mohamed", 6), ("Nolan", 6), ("Maël", 6), ("Noé", 6), ("Rayan", 6), ("Gabin", 5), ("Maxence", 5),
        ],
    ];

    /// <summary>Further given names, traditional in every period ("Jean", "Louis", "Joseph").</summary>
    public static readonly (string Name, int Weight)[] Further =
    [
        ("Jean", 25), ("Pierre", 15), ("Louis", 12), ("Joseph", 10), ("Paul", 10), ("André", 8), ("Michel", 8),
        ("Henri", 6), ("François", 6), ("Jacques", 6), ("Charles", 6), ("Georges", 5), ("Philippe", 5),
        ("Antoine", 5), ("Bernard", 4), ("Émile", 4), ("Marie", 3), ("Xavier", 3), ("Léon", 3), ("Marcel", 3),
    ];
}
