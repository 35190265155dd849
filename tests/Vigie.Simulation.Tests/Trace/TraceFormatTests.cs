using System.Text;
using Vigie.Core.Access;
using Vigie.Simulation.Tests.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Tests.Trace;

public sealed class TraceFormatTests
{
    private const string Line = """{"time":"2026-03-02T08:15:03Z","professional":"10001234567","establishment":"590780193","role":"admission","session":"s-8f2","ip":"10.1.2.3","userAgent":"Mozilla/5.0","action":"search","query":{"family":"DUPONT","given":"JEAN","birthdate":"1980-05-17"},"patients":["p-123"],"categories":["identity","phone","email","address"],"purpose":null}""";

    private static List<Core.ParseResult<TraceEvent>> ReadAll(string text)
    {
        var reader = new TraceReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var lines = new List<Core.ParseResult<TraceEvent>>();
        while (reader.Next() is { } line)
        {
            lines.Add(line);
            if (!line.Success)
            {
                break;
            }
        }

        return lines;
    }

    [Fact]
    public void IssueExampleLine_IsRead()
    {
        var e = Assert.Single(ReadAll(Line)).Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 15, 3, TimeSpan.Zero), e.Access.Time);
        Assert.Equal(Role.Admission, e.Access.Role);
        Assert.Equal(AccessAction.Search, e.Access.Action);
        Assert.Equal(ContactCategories.All, e.Access.Categories);
        Assert.Equal("DUPONT", e.Query!.Family);
        Assert.Equal(new DateOnly(1980, 5, 17), e.Query.BirthDate);
        Assert.Equal("p-123", Assert.Single(e.Access.Patients).Value);
        Assert.Null(e.Access.Purpose);
        Assert.NotNull(e.Access.Query);
    }

    [Fact]
    public void WrittenTrace_ReadsBack_AsTheSameEvents()
    {
        var events = SmallRegion.Events.Take(2000).ToList();
        using var stream = new MemoryStream();
        using (var writer = new TraceWriter(stream))
        {
            foreach (var e in events)
            {
                writer.Write(e);
            }
        }

        var read = ReadAll(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.All(read, r => Assert.True(r.Success, r.Error));
        Assert.Equal(events.Select(e => (e.Access.Time, e.Access.Professional, e.Access.Session, e.Access.Action, e.Access.Query, e.Access.Categories, e.Access.Purpose, string.Join(";", e.Access.Patients))),
            read.Select(r => r.Value.Access).Select(a => (a.Time, a.Professional, a.Session, a.Action, a.Query, a.Categories, a.Purpose, string.Join(";", a.Patients))));
    }

    [Theory]
    [InlineData("not json", "line 2: invalid JSON")]
    [InlineData("[1,2]", "line 2: not a JSON object")]
    [InlineData("", "line 2: empty line")]
    [InlineData("""{"professional":"1","establishment":"2","role":"nurse","session":"s","action":"read","patients":[]}""", "line 2: 'time' is missing")]
    [InlineData("""{"time":"yesterday","professional":"1","establishment":"2","role":"nurse","session":"s","action":"read","patients":[]}""", "line 2: 'time' must be")]
    [InlineData("""{"time":"2026-03-02T09:00:00Z","professional":"1","establishment":"2","role":"surgeon","session":"s","action":"read","patients":[]}""", "line 2: 'role' must be one of")]
    [InlineData("""{"time":"2026-03-02T09:00:00Z","professional":"1","establishment":"2","role":"nurse","session":"s","action":"delete","patients":[]}""", "line 2: 'action' must be search, match or read")]
    [InlineData("""{"time":"2026-03-02T09:00:00Z","professional":"1","establishment":"2","role":"nurse","session":"s","action":"read","patients":["bad id!"]}""", "line 2: 'patients' must be an array of patient ids")]
    [InlineData("""{"time":"2026-03-02T09:00:00Z","professional":"1","establishment":"2","role":"nurse","session":"s","action":"read","patients":[],"categories":["dna"]}""", "line 2: 'categories' must be")]
    [InlineData("""{"time":"2026-03-02T09:00:00Z","professional":"1","establishment":"2","role":"nurse","session":"s","action":"search","query":{"birthdate":"17/05/1980"},"patients":[]}""", "line 2: query parameter 'birthdate'")]
    [InlineData("""{"time":"2026-03-02T08:00:00Z","professional":"1","establishment":"2","role":"nurse","session":"s","action":"read","patients":[]}""", "line 2: 'time' is earlier than the line before")]
    public void MalformedLine_IsRefused_WithItsLineNumber(string bad, string error)
    {
        var lines = ReadAll(Line + "\n" + bad + "\n" + Line);

        Assert.True(lines[0].Success);
        Assert.StartsWith(error, lines[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProperties_AreIgnored() =>
        Assert.True(Assert.Single(ReadAll(Line.Replace("\"purpose\":null", "\"purpose\":null,\"extra\":{\"a\":[1]}", StringComparison.Ordinal))).Success);

    [Fact]
    public void PatientsCsv_IsReadAsCareLinksAndCanaries()
    {
        var table = PatientTable.Read(new StringReader("id,establishments,canary\np-1,590780193;620000022,false\np-2,590780193,true\np-3,,false\n")).Value;

        Assert.True(table.TryGet(new Core.Identity.PatientId("p-1"), out var one));
        Assert.Equal(2, one.Establishments.Count);
        Assert.True(table.TryGet(new Core.Identity.PatientId("p-2"), out var two) && two.Canary);
        Assert.True(table.TryGet(new Core.Identity.PatientId("p-3"), out var three) && three.Establishments.Count == 0);
    }

    [Theory]
    [InlineData("id,establishment,canary\n", "line 1: the header")]
    [InlineData("id,establishments,canary\np-1,590780193\n", "line 2: three fields")]
    [InlineData("id,establishments,canary\np-1,590780193,maybe\n", "line 2: canary is true or false")]
    [InlineData("id,establishments,canary\np-1,,false\np-1,,true\n", "line 3: patient p-1 is listed twice")]
    public void MalformedPatientsCsv_IsRefused_WithItsLineNumber(string text, string error) =>
        Assert.StartsWith(error, PatientTable.Read(new StringReader(text)).Error, StringComparison.Ordinal);

    [Fact]
    public void Labels_RoundTrip()
    {
        var labels = SmallRegion.Simulator.Labels;
        var text = new StringWriter();
        LabelsFile.Write(text, labels);

        Assert.Equal(labels, LabelsFile.Read(new StringReader(text.ToString())).Value);
    }
}
