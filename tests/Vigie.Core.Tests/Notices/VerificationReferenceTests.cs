using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Notices;

namespace Vigie.Core.Tests.Notices;

/// <summary>References: unguessable, typeable, and every single typo or swapped pair refused without a lookup.</summary>
public sealed class VerificationReferenceTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly Arbitrary<byte[]> Entropy =
        Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), VerificationReference.EntropyBytes).ToArbitrary();

    private static readonly Config Thorough = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static VerificationReference Seeded(int seed) => VerificationReference.Generate(new Random(seed).NextBytes);

    [Fact]
    public void Generated_IsGroupedSeventeenSymbols_OfTheUnambiguousAlphabet()
    {
        var reference = Seeded(1);
        var text = reference.ToString();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$", text);
        Assert.Equal(17, reference.Canonical.Length);
    }

    [Fact]
    public void Generate_TakesItsEightyBitsFromTheInjectedSource()
    {
        var calls = 0;
        var reference = VerificationReference.Generate(buffer =>
        {
            calls++;
            Assert.Equal(10, buffer.Length);
            buffer.Fill(0xFF);
        });
        Assert.Equal(1, calls);
        Assert.StartsWith("ZZZZZZZZZZZZZZZZ", reference.Canonical, StringComparison.Ordinal);
        Assert.Equal(Seeded(7), Seeded(7));
    }

    [Fact]
    public void DifferentEntropy_GivesDifferentReferences() =>
        Prop.ForAll(Entropy, Entropy, (a, b) => a.AsSpan().SequenceEqual(b) == (VerificationReference.FromEntropy(a) == VerificationReference.FromEntropy(b))).Check(Thorough);

    [Fact]
    public void ManyGenerated_AreAllDistinct()
    {
        var random = new Random(42);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(seen.Add(VerificationReference.Generate(random.NextBytes).Canonical));
        }
    }

    [Fact]
    public void Parse_RoundTripsWhatIsPrinted() =>
        Prop.ForAll(Entropy, e =>
        {
            var reference = VerificationReference.FromEntropy(e);
            return VerificationReference.Parse(reference.ToString()).Value == reference && VerificationReference.Parse(reference.Canonical).Value == reference;
        }).Check(Thorough);

    [Theory]
    [InlineData(" {0} ")]
    [InlineData("{1}")]
    [InlineData("{2}")]
    [InlineData("{3}")]
    public void Parse_ForgivesCaseSpacesHyphensAndLookalikes(string form)
    {
        // Pick a reference holding 0 and 1, to exercise O→0 and I/L→1.
        var reference = Enumerable.Range(0, 10_000).Select(Seeded).First(r => r.Canonical.Contains('0', StringComparison.Ordinal) && r.Canonical.Contains('1', StringComparison.Ordinal));
        var printed = reference.ToString();
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, form,
            printed.ToLowerInvariant(),
            string.Join(' ', printed.Replace("-", "", StringComparison.Ordinal).Chunk(3).Select(c => new string(c))),
            printed.Replace('0', 'O').Replace('1', 'l').Replace('-', '\u2013'),
            printed.Replace('0', 'o').Replace('1', 'I').Replace("-", "\u00A0", StringComparison.Ordinal));
        var parsed = VerificationReference.Parse(typed);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal(reference, parsed.Value);
    }

    [Fact]
    public void EverySingleWrongSymbol_IsRefusedByTheCheck()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var canonical = Seeded(seed).Canonical;
            for (var i = 0; i < canonical.Length; i++)
            {
                foreach (var c in Alphabet.Where(c => c != canonical[i]))
                {
                    var typo = canonical[..i] + c + canonical[(i + 1)..];
                    Assert.Equal(ReferenceProblem.Check, VerificationReference.TryParse(typo, out _));
                }
            }
        }
    }

    [Fact]
    public void EverySwapOfTwoDifferentSymbols_IsRefusedByTheCheck()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var canonical = Seeded(seed).Canonical.ToCharArray();
            for (var i = 0; i < canonical.Length; i++)
            {
                for (var j = i + 1; j < canonical.Length; j++)
                {
                    if (canonical[i] == canonical[j])
                    {
                        continue;
                    }

                    var swapped = (char[])canonical.Clone();
                    (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
                    Assert.Equal(ReferenceProblem.Check, VerificationReference.TryParse(new string(swapped), out _));
                }
            }
        }
    }

    [Fact]
    public void RandomText_PassesTheCheckAboutOnceInThirtyTwo()
    {
        var random = new Random(3);
        var passed = 0;
        const int Trials = 20_000;
        for (var t = 0; t < Trials; t++)
        {
            var text = new string([.. Enumerable.Range(0, 17).Select(_ => Alphabet[random.Next(32)])]);
            passed += VerificationReference.TryParse(text, out _) == ReferenceProblem.None ? 1 : 0;
        }

        Assert.InRange(passed, Trials / 32 * 0.8, Trials / 32 * 1.2);
    }

    [Theory]
    [InlineData(null, ReferenceProblem.Empty)]
    [InlineData("   ", ReferenceProblem.Empty)]
    [InlineData("ABCD-EFGH", ReferenceProblem.Length)]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWXY", ReferenceProblem.Length)]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TU", ReferenceProblem.Character)]
    [InlineData("<script>alert(1)</script>", ReferenceProblem.Character)]
    [InlineData("ABCD-EFGH-JKMN-PQRS-T!", ReferenceProblem.Character)]
    public void Malformed_IsRefusedWithItsReason(string? typed, ReferenceProblem expected)
    {
        Assert.Equal(expected, VerificationReference.TryParse(typed, out _));
        Assert.False(VerificationReference.Parse(typed).Success);
    }

    [Fact]
    public void HugeInput_IsRefusedBeforeAnyWork() =>
        Assert.Equal(ReferenceProblem.Length, VerificationReference.TryParse(new string('A', 1_000_000), out _));

    [Fact]
    public void LookupHash_Is128BitsAndDependsOnTheKey()
    {
        var reference = Seeded(5);
        var key1 = new byte[32];
        var key2 = new byte[32];
        key2[0] = 1;
        Assert.Equal(16, reference.LookupHash(key1).Length);
        Assert.Equal(reference.LookupHash(key1), VerificationReference.Parse(reference.ToString().ToLowerInvariant()).Value.LookupHash(key1));
        Assert.NotEqual(reference.LookupHash(key1), reference.LookupHash(key2));
    }
}
