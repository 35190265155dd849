using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class FrenchPhoneticTests
{
    private delegate int Step(Span<char> buffer, int length);

    private static string Apply(Step step, string input)
    {
        var buffer = input.ToCharArray();
        var length = step(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    private static string Apply(Action<char[]> step, string input)
    {
        var buffer = input.ToCharArray();
        step(buffer);
        return new string(buffer);
    }

    [Theory]
    [InlineData("JEAN-PIERRE", "JEANPIERRE")]
    [InlineData("D'ALMEIDA", "DALMEIDA")]
    [InlineData("DE LA FONTAINE", "DELAFONTAINE")]
    public void Step1_KeepsLettersOnly(string input, string expected)
    {
        var buffer = new char[input.Length];
        var length = FrenchPhonetic.KeepLetters(input, buffer);
        Assert.Equal(expected, new string(buffer, 0, length));
    }

    [Theory]
    [InlineData("GUILLAUME", "KILLAUME")] // GUI -> KI
    [InlineData("GUERIN", "KERIN")] // GUE -> KE
    [InlineData("GAUTIER", "KAUTIER")] // GA -> KA
    [InlineData("GODARD", "KODARD")] // GO -> KO
    [InlineData("HUGUES", "HUKES")] // GUE -> KE comes before GU -> K
    [InlineData("GUY", "KY")] // GU -> K
    [InlineData("CAMUS", "KAMUS")] // CA -> KA
    [InlineData("COLIN", "KOLIN")] // CO -> KO
    [InlineData("CUVIER", "KUVIER")] // CU -> KU
    [InlineData("QUENTIN", "KUENTIN")] // Q -> K
    [InlineData("MACKENZIE", "MAKENZIE")] // CK -> K
    [InlineData("ACCARD", "AKARD")] // CA first (ACKARD), then CK -> K: the rules run in their published order
    [InlineData("JACQUES", "JAKUES")] // Q -> K makes CK, which the CK rule then takes
    [InlineData("ECCE", "EKE")] // CC -> K
    [InlineData("MARTIN", "MARTIN")]
    public void Step2_ReplacesLetterGroupsInOrder(string input, string expected) =>
        Assert.Equal(expected, Apply(FrenchPhonetic.ReplaceGroups, input));

    [Theory]
    [InlineData("BERNARD", "BARNARD")]
    [InlineData("EMILE", "EMALA")] // the first letter stays, even a vowel
    [InlineData("YVES", "YVAS")] // Y is not a vowel here
    [InlineData("BOYER", "BAYAR")]
    public void Step3_TurnsVowelsButTheFirstIntoA(string input, string expected) =>
        Assert.Equal(expected, Apply(b => FrenchPhonetic.VowelsToA(b), input));

    [Theory]
    [InlineData("MACDANALD", "MCCDANALD")]
    [InlineData("ASAMAAN", "AZAMAAN")]
    [InlineData("KNAGHT", "NNAGHT")]
    [InlineData("PFAAFAR", "FFAAFAR")]
    [InlineData("PHALAPPA", "FFALAPPA")]
    [InlineData("SCHANDLAR", "SSSANDLAR")]
    [InlineData("SACHA", "SACHA")] // only prefixes
    public void Step4_ReplacesPrefixes(string input, string expected) =>
        Assert.Equal(expected, Apply(b => FrenchPhonetic.ReplacePrefix(b), input));

    [Theory]
    [InlineData("TAHARAN", "TAARAN")]
    [InlineData("CHATAAA", "CHATAAA")] // after C
    [InlineData("SSSHAN", "SSSHAN")] // after S
    [InlineData("HABATAT", "HABATAT")] // a leading H stays
    [InlineData("KAATHAAR", "KAATAAR")]
    public void Step5_RemovesHUnlessAfterCOrS(string input, string expected) =>
        Assert.Equal(expected, Apply(FrenchPhonetic.RemoveH, input));

    [Theory]
    [InlineData("PLYNA", "PLNA")]
    [InlineData("BAYAR", "BAYAR")] // after A
    [InlineData("YVAS", "YVAS")] // a leading Y stays
    [InlineData("HANRY", "HANR")]
    public void Step6_RemovesYUnlessAfterA(string input, string expected) =>
        Assert.Equal(expected, Apply(FrenchPhonetic.RemoveY, input));

    [Theory]
    [InlineData("BARNARD", "BARNAR")]
    [InlineData("GRAS", "GRA")]
    [InlineData("HABATAT", "HABATA")]
    [InlineData("PLNA", "PLN")]
    [InlineData("MARTAN", "MARTAN")]
    [InlineData("A", "A")] // never empties the code
    public void Step7_RemovesOneFinalADTS(string input, string expected) =>
        Assert.Equal(expected, Apply(FrenchPhonetic.RemoveFinalADTS, input));

    [Theory]
    [InlineData("BARNAR", "BRNR")]
    [InlineData("AZAMAAN", "AZMN")] // a leading A stays
    public void Step8_RemovesAExceptFirst(string input, string expected) =>
        Assert.Equal(expected, Apply(FrenchPhonetic.RemoveA, input));

    [Theory]
    [InlineData("FFFR", "FR")]
    [InlineData("BNNN", "BN")]
    [InlineData("SSSNDLR", "SNDLR")]
    public void Step9_CollapsesRepeatedLetters(string input, string expected) =>
        Assert.Equal(expected, Apply(FrenchPhonetic.CollapseRepeats, input));

    [Theory]
    [InlineData("ASAMIAN", "AZMN")]
    [InlineData("KNIGHT", "NG")]
    [InlineData("MACKENZIE", "MKNZ")]
    [InlineData("PFEIFER", "FR")]
    [InlineData("PHILIPPE", "FLP")]
    [InlineData("SCHINDLER", "SNDL")] // step 10: cut to four letters
    [InlineData("CHATEAU", "CHT")]
    [InlineData("HABITAT", "HBT")]
    [InlineData("TEHERAN", "TRN")]
    [InlineData("ESSAYER", "ESYR")]
    [InlineData("CRAYON", "CRYN")]
    [InlineData("PLYNE", "PLN")]
    [InlineData("BARAD", "BR")]
    [InlineData("MARTIN", "MRTN")]
    [InlineData("BERNARD", "BRNR")]
    [InlineData("FAURE", "FR")]
    [InlineData("PEREZ", "PRZ")]
    [InlineData("GROS", "GR")]
    [InlineData("CHAPUIS", "CHP")]
    [InlineData("BOYER", "BYR")]
    [InlineData("GAUTHIER", "KTR")]
    [InlineData("REY", "RY")]
    [InlineData("BARTHELEMY", "BRTL")]
    [InlineData("HENRY", "HNR")]
    [InlineData("MOULIN", "MLN")]
    [InlineData("ROUSSEAU", "RS")]
    public void Encode_GivesThePublishedCodes(string name, string code) =>
        Assert.Equal(code, FrenchPhonetic.Encode(name));

    [Theory]
    [InlineData("DUPONT", "DUPOND")]
    [InlineData("GAUTHIER", "GAUTIER")]
    [InlineData("ROUSSEAU", "ROUSSO")]
    [InlineData("CHEVALIER", "CHEVALLIER")]
    [InlineData("PHILIPPE", "FILIPE")]
    [InlineData("CATHERINE", "KATHERINE")]
    public void Encode_GivesSpellingVariantsTheSameCode(string a, string b) =>
        Assert.Equal(FrenchPhonetic.Encode(a, 12), FrenchPhonetic.Encode(b, 12));

    [Fact]
    public void Encode_OfNoLetters_IsEmpty()
    {
        Assert.Equal(string.Empty, FrenchPhonetic.Encode(string.Empty));
        Assert.Equal(string.Empty, FrenchPhonetic.Encode("- '"));
        Assert.Equal(0UL, FrenchPhonetic.Key(string.Empty));
    }

    [Fact]
    public void Encode_UntruncatedKeepsTheWholeCode() =>
        Assert.Equal("SNDLR", FrenchPhonetic.Encode("SCHINDLER", 12));

    [Fact]
    public void Key_EqualsForEqualCodesOnly()
    {
        Assert.Equal(FrenchPhonetic.Key("DUPONT"), FrenchPhonetic.Key("DUPOND"));
        Assert.NotEqual(FrenchPhonetic.Key("DUPONT"), FrenchPhonetic.Key("DUPUIS"));
        Assert.NotEqual(0UL, FrenchPhonetic.Key("A"));
    }

    [Fact]
    public void Prefix_OfKey_IsTheKeyOfThePublishedCode()
    {
        // SCHINDLER's full code is SNDLR; its four-letter prefix is the published code SNDL.
        Assert.Equal(FrenchPhonetic.Key("SNDL"), FrenchPhonetic.Prefix(FrenchPhonetic.Key("SCHINDLER"), 4));
        Assert.NotEqual(FrenchPhonetic.Key("SCHINDLER"), FrenchPhonetic.Prefix(FrenchPhonetic.Key("SCHINDLER"), 4));
    }
}
