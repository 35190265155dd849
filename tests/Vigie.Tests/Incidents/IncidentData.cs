using Microsoft.Extensions.Time.Testing;
using Vigie.Storage.Journal;
using Vigie.Storage.Registry;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Incidents;

/// <summary>The recorded attack written into a test's database: its journal (signed, key in the data directory) and the patients' identities.</summary>
internal static class IncidentData
{
    public const string Origin = "vigie.test/journal";
    public const string ScriptName = "<script>alert('vol')</script>";
    public const string FormulaName = "=HYPERLINK(\"http://evil.example\")";

    public static string From => RecordedAttack.Window.From.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static string To => RecordedAttack.Window.To.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the attack through a running server's own journal writer (so the server's later appends share its key),
    /// or, without a server, with a key of the test's own in the data directory. The first two patients the attacker
    /// sessions received get hostile names.
    /// </summary>
    public static async Task<RecordedAttack> WriteAsync(TestDatabase database, VigieTestServer? server = null, int seed = 7)
    {
        var attack = RecordedAttack.Generate(seed);
        if (server is not null)
        {
            var writer = server.Services.GetRequiredService<JournalWriter>();
            foreach (var chunk in attack.Entries.Chunk(2_000))
            {
                await writer.AppendAsync(chunk);
            }

            await writer.CheckpointAsync();
        }
        else
        {
            using var key = JournalSigningKey.LoadOrCreate(database.DataDirectory, Origin);
            var clock = new FakeTimeProvider(RecordedAttack.Start.AddDays(5));
            foreach (var chunk in attack.Entries.Chunk(2_000))
            {
                clock.Advance(TimeSpan.FromSeconds(2));
                await using var db = database.NewContext();
                await new JournalAppender(db, key, clock, TimeSpan.FromSeconds(1)).AppendAsync(chunk, true, CancellationToken.None);
            }
        }

        var hostile = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2).Keys.Order().Take(2).ToArray();
        await using (var db = database.NewContext())
        {
            for (var i = 0; i < 403; i++)
            {
                var id = RecordedAttack.PatientId(i);
                db.Identities.Add(new IdentityRow
                {
                    Id = id,
                    BirthName = id == hostile[0] ? ScriptName : id == hostile[1] ? FormulaName : "NOM" + i,
                    FirstGivenName = "PRENOM",
                    GivenNames = "PRENOM",
                    BirthDate = new DateOnly(1950 + (i % 50), 1 + (i % 12), 1 + (i % 28)),
                    Phones = i % 2 == 0 ? "06 00 00 " + (i % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + " 00" : null,
                    Emails = i % 3 == 0 ? "patient" + i + "@example.org" : null,
                    CreatedAt = RecordedAttack.Start.AddDays(-30),
                    UpdatedAt = RecordedAttack.Start.AddDays(-30),
                });
            }

            await db.SaveChangesAsync();
        }

        return attack;
    }
}
