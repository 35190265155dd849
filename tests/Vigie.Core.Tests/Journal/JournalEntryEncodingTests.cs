using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>The entry encoding is canonical and stable: the bytes are evidence and must mean the same thing forever.</summary>
public sealed class JournalEntryEncodingTests
{
    private static readonly JournalEntry Fixed = new(
        new DateTimeOffset(2026, 3, 2, 9, 15, 3, 123, TimeSpan.FromHours(1)),
        new JournalActor("10003456789", "590780193", "10"),
        new JournalRequest("sess-1", "192.0.2.17", "curl/8.5", "req-42"),
        JournalAction.Search,
        new PatientId("p-12"),
        DisclosedData.Identity | DisclosedData.Phone,
        "family,birthdate",
        null,
        JournalOutcome.Success);

    // Pinned bytes, computed by hand from the documented layout (time = 0x08de7833ce31e230 ticks). If this test fails, the format changed: every stored journal would stop verifying.
    // A new format needs a new version byte, not an edit here.
    [Fact]
    public void Encode_FixedEntry_GivesPinnedBytes() => Assert.Equal(
        "0108de7833ce31e2300200030c31303030333435363738390a3539303738303139330331300773657373" +
        "2d310b3139322e302e322e3137096375726c2f382e35077265712d343205702d31321166616d696c792c" +
        "62697274686461746500",
        Convert.ToHexStringLower(JournalEntryEncoding.Encode(Fixed)));

    [Fact]
    public void Encode_KeepsTheInstantNotTheOffset()
    {
        var decoded = JournalEntryEncoding.Decode(JournalEntryEncoding.Encode(Fixed)).Value;
        Assert.Equal(Fixed.Time, decoded.Time);
        Assert.Equal(TimeSpan.Zero, decoded.Time.Offset);
        Assert.Equal(Fixed with { Time = decoded.Time }, decoded);
    }

    [Fact]
    public void ActionAndOutcomeCodes_NeverChange()
    {
        Assert.Equal([1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 20, 21, 30, 31, 40, 41, 42, 50], Enum.GetValues<JournalAction>().Select(a => (int)a));
        Assert.Equal([0, 1, 2, 3, 4], Enum.GetValues<JournalOutcome>().Select(o => (int)o));
        Assert.Equal([0, 1, 2, 4, 8], Enum.GetValues<DisclosedData>().Select(d => (int)d));
    }

    [Fact]
    public void Decode_OfEncode_IsIdentity() =>
        Prop.ForAll(SampleEntries.Arbitrary, entry =>
        {
            var bytes = JournalEntryEncoding.Encode(entry);
            var decoded = JournalEntryEncoding.Decode(bytes);
            return bytes.Length == JournalEntryEncoding.GetByteCount(entry)
                   && JournalEntryEncoding.IsWellFormed(bytes)
                   && decoded.Success && decoded.Value == entry;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EveryProperPrefix_IsRefused() =>
        Prop.ForAll(SampleEntries.Arbitrary, entry =>
        {
            var bytes = JournalEntryEncoding.Encode(entry);
            return Enumerable.Range(0, bytes.Length).All(n =>
                !JournalEntryEncoding.IsWellFormed(bytes.AsSpan(0, n)) && !JournalEntryEncoding.Decode(bytes.AsSpan(0, n)).Success);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ArbitraryBytes_NeverThrow_AndDecodeAgreesWithWellFormed() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var decoded = JournalEntryEncoding.Decode(bytes);
            return decoded.Success == JournalEntryEncoding.IsWellFormed(bytes)
                   && (!decoded.Success || JournalEntryEncoding.Encode(decoded.Value).AsSpan().SequenceEqual(bytes));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));

    [Fact]
    public void MutatedEncodings_NeverThrow_AndReencodeToThemselvesWhenAccepted() =>
        Prop.ForAll(SampleEntries.Arbitrary, Gen.Choose(0, int.MaxValue).ToArbitrary(), (entry, seed) =>
        {
            var bytes = JournalEntryEncoding.Encode(entry);
            var random = new Random(seed);
            bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            var decoded = JournalEntryEncoding.Decode(bytes);

            // Canonical: whatever is accepted is exactly what the encoder writes for the decoded entry.
            return !decoded.Success || JournalEntryEncoding.Encode(decoded.Value).AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TrailingBytes_AreRefused()
    {
        byte[] bytes = [.. JournalEntryEncoding.Encode(Fixed), 0];
        Assert.False(JournalEntryEncoding.Decode(bytes).Success);
    }

    [Fact]
    public void NonMinimalLength_IsRefused()
    {
        // The last text field (purpose) is absent: its single byte 0x00 becomes the two-byte form 0x80 0x00.
        byte[] bytes = [.. JournalEntryEncoding.Encode(Fixed)[..^1], 0x80, 0x00];
        Assert.False(JournalEntryEncoding.IsWellFormed(bytes));
    }

    [Fact]
    public void InvalidUtf8_IsRefused()
    {
        var bytes = JournalEntryEncoding.Encode(Fixed with { Purpose = "ab" });
        bytes[^1] = 0xFF;
        Assert.False(JournalEntryEncoding.Decode(bytes).Success);
    }

    [Fact]
    public void UnknownVersion_IsRefused()
    {
        var bytes = JournalEntryEncoding.Encode(Fixed);
        bytes[0] = 2;
        Assert.Equal("unknown format version", JournalEntryEncoding.Decode(bytes).Error);
    }

    [Fact]
    public void LoneSurrogate_IsWrittenAsReplacementCharacter_Deterministically()
    {
        var entry = Fixed with { Query = "a\uD800b" };
        var bytes = JournalEntryEncoding.Encode(entry);
        Assert.Equal(bytes, JournalEntryEncoding.Encode(entry));
        Assert.Equal("a\uFFFDb", JournalEntryEncoding.Decode(bytes).Value.Query);
        Assert.True(JournalEntryIndex.For(entry with { Patient = new PatientId("x\uDC00") }).Matches(
            JournalEntryEncoding.Encode(entry with { Patient = new PatientId("x\uDC00") })));
    }

    [Fact]
    public void EmptyAndAbsentText_AreDistinct()
    {
        var absent = JournalEntryEncoding.Decode(JournalEntryEncoding.Encode(Fixed with { Purpose = null })).Value;
        var empty = JournalEntryEncoding.Decode(JournalEntryEncoding.Encode(Fixed with { Purpose = "" })).Value;
        Assert.Null(absent.Purpose);
        Assert.Equal("", empty.Purpose);
    }

    [Fact]
    public void CodesAbove255_AreACallerBug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JournalEntryEncoding.Encode(Fixed with { Action = (JournalAction)300 }));

    [Fact]
    public void Index_MatchesItsEntry_AndNotAnother() =>
        Prop.ForAll(SampleEntries.Arbitrary, SampleEntries.Arbitrary, (a, b) =>
        {
            var index = JournalEntryIndex.For(a);
            var otherIndex = JournalEntryIndex.For(b);
            return index.Matches(JournalEntryEncoding.Encode(a))
                   && (index.Matches(JournalEntryEncoding.Encode(b)) == (index with { Time = otherIndex.Time } == otherIndex
                                                                          && index.Time.UtcTicks / TimeSpan.TicksPerMillisecond == otherIndex.Time.UtcTicks / TimeSpan.TicksPerMillisecond));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Index_OfLongValue_IsNull()
    {
        var entry = Fixed with { Patient = new PatientId(new string('9', 65)) };
        var index = JournalEntryIndex.For(entry);
        Assert.Null(index.PatientId);
        Assert.True(index.Matches(JournalEntryEncoding.Encode(entry)));
        Assert.False((index with { PatientId = new string('9', 64) }).Matches(JournalEntryEncoding.Encode(entry)));
    }

    [Fact]
    public void Index_ComparesTimeToTheMillisecond()
    {
        var bytes = JournalEntryEncoding.Encode(Fixed);
        var index = JournalEntryIndex.For(Fixed);
        Assert.True((index with { Time = Fixed.Time.AddTicks(-(Fixed.Time.UtcTicks % 1000)) }).Matches(bytes));
        Assert.False((index with { Time = Fixed.Time.AddMilliseconds(1) }).Matches(bytes));
    }
}
