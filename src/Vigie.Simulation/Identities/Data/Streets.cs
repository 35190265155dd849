namespace Vigie.Simulation.Identities.Data;

/// <summary>Street kinds and names common in northern French towns, for residence addresses.</summary>
internal static class Streets
{
    public static readonly (string Kind, int Weight)[] Kinds =
    [
        ("rue", 70), ("avenue", 8), ("boulevard", 5), ("place", 3), ("chemin", 3), ("allée", 4), ("impasse", 4),
        ("résidence", 2), ("cité", 1),
    ];

    public static readonly (string Name, int Weight)[] Names =
    [
        ("de la République", 10), ("Jean Jaurès", 10), ("Victor Hugo", 9), ("du Général de Gaulle", 9),
        ("Pasteur", 8), ("Nationale", 8), ("de Paris", 6), ("des Écoles", 6), ("du Moulin", 6), ("de la Gare", 7),
        ("Roger Salengro", 7), ("Gambetta", 6), ("Faidherbe", 5), ("Léon Blum", 5), ("Jules Ferry", 6),
        ("des Tilleuls", 5), ("du 8 Mai 1945", 4), ("Émile Zola", 6), ("Anatole France", 5), ("Voltaire", 4),
        ("Carnot", 5), ("de l'Église", 6), ("du Château", 4), ("des Peupliers", 3), ("Paul Bert", 3),
        ("Henri Barbusse", 3), ("Pierre Brossolette", 3), ("Jean Moulin", 4), ("Louis Pasteur", 3),
        ("du Maréchal Foch", 3), ("des Acacias", 3), ("Sadi Carnot", 3), ("de Lille", 4), ("d'Arras", 3),
        ("du Marais", 2), ("des Fusillés", 2), ("Clemenceau", 4), ("Marcel Sembat", 2), ("des Mineurs", 2),
    ];
}
