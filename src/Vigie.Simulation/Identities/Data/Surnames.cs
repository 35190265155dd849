namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// Frequent family names in the north of France, weighted by rough relative frequency: the national head
/// (Martin, Bernard, Dubois...), the Nord/Picard and Flemish names that make the region (Lefebvre, Leclercq,
/// Delattre, Vandamme), names with particles and apostrophes that stress normalisation (Le Gall, D'Hondt,
/// De la Fontaine, N'Diaye), and the Polish, Portuguese and Maghrebi names of the mining basin and the cities.
/// <see cref="SurnameTail"/> supplies the long tail.
/// </summary>
internal static class Surnames
{
    public static readonly (string Name, int Weight)[] Head =
    [
        ("Martin", 100), ("Lefebvre", 95), ("Leroy", 60), ("Bernard", 60), ("Dubois", 55), ("Thomas", 55),
        ("Petit", 50), ("Lefèvre", 50), ("Caron", 50), ("Leclercq", 50), ("Robert", 45), ("Richard", 45),
        ("Durand", 45), ("Simon", 45), ("Laurent", 45), ("Dupont", 45), ("Lemaire", 45), ("Moreau", 40),
        ("Michel", 40), ("David", 35), ("Mercier", 35), ("Lambert", 35), ("Legrand", 35), ("Carpentier", 35),
        ("Vasseur", 35), ("Garcia", 30), ("Bertrand", 30), ("Vincent", 30), ("Fournier", 30), ("Morel", 30),
        ("François", 30), ("Roussel", 30), ("Dumont", 30), ("Fontaine", 30), ("Leroux", 30), ("Dupuis", 30),
        ("Delattre", 30), ("Delannoy", 30), ("Descamps", 30), ("Roux", 25), ("Girard", 25), ("André", 25),
        ("Henry", 25), ("Nicolas", 25), ("Denis", 25), ("Duval", 25), ("Lucas", 25), ("Marchand", 25),
        ("Renard", 25), ("Lemoine", 25), ("Picard", 25), ("Leclerc", 25), ("Delmotte", 25), ("Duhamel", 25),
        ("Prévost", 25), ("Bonnet", 20), ("Martinez", 20), ("Garnier", 20), ("Rousseau", 20), ("Guérin", 20),
        ("Muller", 20), ("Morin", 20), ("Mathieu", 20), ("Clément", 20), ("Gauthier", 20), ("Chevalier", 20),
        ("Robin", 20), ("Masson", 20), ("Gérard", 20), ("Roger", 20), ("Noël", 20), ("Dufour", 20),
        ("Colin", 20), ("Hubert", 20), ("Lecocq", 20), ("Lecomte", 20), ("Faure", 15), ("Perrin", 15),
        ("Lopez", 15), ("Joly", 15), ("Roy", 15), ("Meunier", 15), ("Barbier", 15), ("Lacroix", 15),
        ("Dubrulle", 15), ("Deschamps", 15), ("Poulain", 15), ("Flament", 15), ("Boulanger", 15),
        ("Blanc", 12), ("Sanchez", 12), ("Perez", 12), ("Blanchard", 12), ("Brunet", 12), ("Fernandez", 12),
        ("Vandamme", 12), ("Delcroix", 12), ("Fleury", 12), ("Bouchez", 12), ("Cuvelier", 12), ("Delplace", 12),
        ("Nguyen", 10), ("Boyer", 10), ("Meyer", 10), ("Brun", 10), ("Dumas", 10), ("Deleplanque", 10),
        ("Wallet", 10), ("Lefranc", 10), ("Lenglet", 10), ("Dumortier", 10), ("Da Silva", 10),
        ("Vandenbussche", 8), ("Dewaele", 8), ("Desmet", 8), ("Verhaeghe", 8), ("Marchal", 8), ("Wattiez", 8),
        ("Lheureux", 8), ("Dos Santos", 8), ("Pereira", 8), ("D'Hondt", 6), ("Le Roux", 6), ("De Sousa", 6),
        ("Da Costa", 6), ("Benali", 6), ("Diallo", 6), ("Kowalski", 6), ("Ferreira", 6), ("Rodrigues", 6),
        ("Le Gall", 5), ("Dhaussy", 5), ("Haddad", 5), ("Mansouri", 5), ("Nowak", 5), ("Le Goff", 4),
        ("Van den Berghe", 4), ("N'Diaye", 4), ("Belkacem", 4), ("Traoré", 4), ("Kowalczyk", 4), ("Gonçalves", 4),
        ("D'Almeida", 3), ("De Smet", 3), ("Boukhari", 3), ("Bensaïd", 3), ("Wisniewski", 3), ("Szymanski", 3),
        ("Yilmaz", 3), ("Tran", 3), ("Saint-Martin", 2), ("Le Bihan", 2), ("Kaya", 2), ("Lecœur", 2),
        ("De la Fontaine", 1), ("D'Artagnan", 1), ("L'Hôte", 1), ("Van de Walle", 1),
    ];
}
