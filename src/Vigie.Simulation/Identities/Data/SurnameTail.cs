namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// The long tail of family names, composed from a start and an ending in the style of northern names
/// (Dela+ttre, Van+hove, Deles+alle, Bou+cquey). A region holds tens of thousands of distinct surnames; without
/// a tail the head list alone would make every surname a crowd and the matching problem unrealistically hard.
/// </summary>
internal static class SurnameTail
{
    public static readonly (string Part, int Weight)[] Starts =
    [
        ("Dela", 8), ("Deles", 4), ("Dele", 6), ("Deva", 3), ("Dema", 3), ("Dessa", 2), ("Du", 6), ("Le", 8),
        ("Ver", 4), ("Van", 4), ("Vande", 3), ("Wa", 3), ("We", 2), ("Bou", 5), ("Ca", 5), ("Car", 4), ("Co", 4),
        ("Ma", 5), ("Mar", 4), ("Be", 4), ("Ber", 4), ("Fla", 2), ("Ga", 4), ("Ha", 4), ("Lam", 2), ("Pe", 3),
        ("Ro", 4), ("Sa", 3), ("Tho", 2), ("Va", 3), ("Bri", 2), ("Cou", 3), ("Hou", 2), ("Mou", 3), ("Po", 3),
        ("Gou", 2), ("Lan", 2), ("Mer", 2), ("Mor", 3), ("Pou", 2), ("Ri", 2), ("Ta", 2), ("Tru", 1), ("Vi", 2),
        ("Vil", 2), ("Wi", 1), ("Hen", 2), ("Jo", 2), ("Lou", 2), ("Ne", 2), ("Fau", 2), ("Cha", 3), ("Che", 2),
        ("Cre", 2), ("Dau", 2), ("Fo", 2), ("Go", 2), ("Gri", 2), ("Bau", 2), ("Ger", 2), ("Don", 1),
    ];

    public static readonly (string Part, int Weight)[] Endings =
    [
        ("ttre", 4), ("cque", 4), ("naux", 3), ("rlier", 3), ("court", 5), ("becque", 3), ("hove", 2),
        ("damme", 2), ("walle", 2), ("haeghe", 2), ("meersch", 1), ("sse", 3), ("ret", 4), ("lin", 5),
        ("lot", 4), ("chon", 3), ("quet", 4), ("vin", 3), ("ville", 3), ("mont", 4), ("val", 3), ("hamel", 3),
        ("noy", 2), ("bois", 3), ("champ", 3), ("gnies", 2), ("rieux", 2), ("ssart", 3), ("llez", 2),
        ("rbecq", 1), ("ppe", 2), ("deau", 2), ("nier", 4), ("zin", 2), ("laere", 1), ("cquey", 1), ("salle", 2),
        ("rd", 3), ("rt", 3), ("ux", 2), ("ult", 2), ("net", 3), ("rel", 3), ("llet", 3), ("rdin", 2), ("vet", 2),
        ("gnon", 2), ("card", 2), ("lard", 2), ("teau", 2), ("taine", 2), ("rrier", 2), ("sseau", 2), ("ton", 3),
        ("noit", 1), ("quin", 2), ("rre", 2), ("lle", 2), ("mard", 1), ("zière", 1),
    ];
}
