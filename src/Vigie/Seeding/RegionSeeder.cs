using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Hosting;
using Vigie.Registry;
using Vigie.Simulation.Region;
using Vigie.Storage;
using Vigie.Storage.Detection;
using Vigie.Storage.Registry;

namespace Vigie.Seeding;

/// <summary>
/// Writes a synthetic region into an empty registry: its establishments, its professionals (and one security officer
/// for the dashboard), every establishment's local records registered through the same matching as a real feed
/// (so duplicates are linked or queued as they would be), and the canaries with their monitored contacts.
/// </summary>
internal static class RegionSeeder
{
    /// <summary>The security officer every seeded region gets, for the dashboard and the incident steps.</summary>
    public const string OfficerName = "rssi.demo";

    private const int Chunk = 1000;

    /// <param name="Directory">Simulated patient → registry identity.</param>
    /// <param name="Registered">Each local record (FINESS, IPP) → the identity registration gave it.</param>
    /// <param name="Records">Local records registered.</param>
    /// <param name="Identities">Regional identities in the registry afterwards.</param>
    /// <param name="Canaries">Canaries planted.</param>
    /// <param name="Professionals">Professionals registered.</param>
    public sealed record Result(PatientDirectory Directory, IReadOnlyDictionary<(string Finess, string Ipp), PatientId> Registered, int Records, int Identities, int Canaries, int Professionals);

    public static async Task<Result> SeedAsync(VigieSettings settings, SyntheticRegion region, TimeProvider clock, SeedProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        await using var db = StorageSetup.CreateContext(settings);
        if (await db.Identities.AnyAsync(ct).ConfigureAwait(false) || await db.Professionals.AnyAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("the data directory already holds a registry: seed into a new --data directory (or an empty PostgreSQL database)");
        }

        var now = clock.GetUtcNow();
        progress.Start("establishments and professionals");
        foreach (var e in region.Records.Select(r => r.Establishment).DistinctBy(e => e.Finess))
        {
            db.Establishments.Add(new EstablishmentRow { Finess = e.Finess.Value, Name = e.Name, IppSystem = e.IppSystem });
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var p in region.Professionals)
        {
            var added = await Professionals.AddAsync(db, p.Id.Value, p.Establishment.Finess.Value, ProfessionCode(p.Role), p.Role, DisplayName(p), now, ct).ConfigureAwait(false);
            if (!added.Success)
            {
                throw new InvalidOperationException("a simulated professional was refused: " + added.Error);
            }

            // Their own address, where "was this you?" goes if the account is contained (.example: never deliverable).
            var email = await Professionals.SetEmailAsync(db, p.Id.Value, $"pro-{p.Id.Value}@etab-{p.Establishment.Finess.Value}.example", ct).ConfigureAwait(false);
            if (!email.Success)
            {
                throw new InvalidOperationException("a simulated professional's email was refused: " + email.Error);
            }
        }

        var officer = await Professionals.AddOfficerAsync(db, OfficerName, now, ct).ConfigureAwait(false);
        if (!officer.Success)
        {
            throw new InvalidOperationException("the demo security officer was refused: " + officer.Error);
        }

        progress.Done($"{region.Establishments.Count} establishments, {region.Professionals.Count} professionals, 1 security officer");

        var registered = await RegisterAsync(db, region, clock, progress, ct).ConfigureAwait(false);
        var canaries = await PlantCanariesAsync(db, region, clock, registered, progress, ct).ConfigureAwait(false);
        var directory = PatientDirectory.From(region, registered);
        var identities = await db.Identities.CountAsync(ct).ConfigureAwait(false);
        return new Result(directory, registered, region.Records.Count, identities, canaries, region.Professionals.Count);
    }

    private static async Task<Dictionary<(string, string), PatientId>> RegisterAsync(VigieDbContext db, SyntheticRegion region, TimeProvider clock, SeedProgress progress, CancellationToken ct)
    {
        progress.Start("local records registered with matching");
        var models = new MatchModelProvider(NullLogger<MatchModelProvider>.Instance, clock);
        var start = models.Current(db);
        var newId = PatientIds.Seeded(region.Options.Seed);
        var registered = new Dictionary<(string, string), PatientId>(region.Records.Count);
        long created = 0;
        var records = region.Records;
        await using (var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            for (var from = 0; from < records.Count; from += Chunk)
            {
                var chunk = records.Skip(from).Take(Chunk).ToList();
                var requests = chunk.Select(r => new RegistrationRequest(r.Establishment.Finess.Value, r.Ipp, r.Traits, r.Status, IdentityFlags.None, r.Ins)).ToList();
                var scaled = MatchModelProvider.ScaleToRegister(start, start.TrainingRecords + created);
                var outcomes = await new IdentityRegistration(db, clock, newId, () => scaled, MatchThresholds.Default).RegisterChunkAsync(requests, ct).ConfigureAwait(false);
                for (var i = 0; i < chunk.Count; i++)
                {
                    registered[(chunk[i].Establishment.Finess.Value, chunk[i].Ipp.Value)] = outcomes[i].Identity;
                    created += outcomes[i].Kind == RegistrationKind.Created ? 1 : 0;
                }

                progress.Report(from + chunk.Count, records.Count);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
        }

        var estimate = await ModelEstimation.EstimateOnRegistryAsync(db, models, ct).ConfigureAwait(false);
        progress.Done($"{records.Count:N0} records, {created:N0} identities; match model re-estimated by EM on {estimate.Pairs:N0} pairs");
        return registered;
    }

    private static async Task<int> PlantCanariesAsync(VigieDbContext db, SyntheticRegion region, TimeProvider clock, Dictionary<(string, string), PatientId> registered,
        SeedProgress progress, CancellationToken ct)
    {
        progress.Start("canaries planted");
        var systems = region.Records.Select(r => r.Establishment).DistinctBy(e => e.Finess).ToDictionary(e => e.Finess, e => e.IppSystem);
        var models = new MatchModelProvider(NullLogger<MatchModelProvider>.Instance, clock);
        var model = models.Current(db);
        // A monitored contact names one canary (unique indexes on canaries): a canary whose derived number or address an
        // earlier one already has (8 hashed digits collide in large regions) is not registered, so its contact is never ambiguous.
        var (emails, phones) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        var derived = region.Patients.Where(p => p.Canary).Select(c => (Canary: c, Contact: CanaryIdentities.For(c, region.Options.Seed)))
            .Where(x => emails.Add(x.Contact.Email) & phones.Add(x.Contact.Phone)).ToList();
        var canaries = derived.Select(x => x.Canary).ToList();
        var contacts = derived.Select(x => x.Contact).ToList();
        var requests = canaries.Select((c, i) => new RegistrationRequest(c.Establishments[0].Value, new LocalIdentifier(systems[c.Establishments[0]], c.Ipps[0]),
            contacts[i].Traits, IdentityStatus.Provisional, IdentityFlags.None, null)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var outcomes = await new IdentityRegistration(db, clock, PatientIds.Seeded(region.Options.Seed ^ 0x0CA7A7), () => model, MatchThresholds.Default)
            .RegisterChunkAsync(requests, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var planted = 0;
        for (var i = 0; i < canaries.Count; i++)
        {
            if (outcomes[i].Kind != RegistrationKind.Created)
            {
                continue; // Its IPP or traits met a real record's: flagging that identity would be false, so this one is not planted.
            }

            planted++;
            registered[(canaries[i].Establishments[0].Value, canaries[i].Ipps[0])] = outcomes[i].Identity;
            db.Canaries.Add(new CanaryRow
            {
                IdentityId = outcomes[i].Identity.Value,
                Finess = canaries[i].Establishments[0].Value,
                PlantedAt = now,
                MonitoredEmail = contacts[i].Email,
                MonitoredPhone = contacts[i].Phone,
            });
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress.Done($"{planted} canaries with monitored contacts");
        return planted;
    }

    /// <summary>The RPPS profession code Pro Santé Connect would give (10 physician, 60 nurse); none for desk roles.</summary>
    private static string? ProfessionCode(Role role) => role switch
    {
        Role.Physician or Role.Emergency => "10",
        Role.Nurse => "60",
        _ => null,
    };

    private static string DisplayName(Professional p) => RoleNames.Format(p.Role) + " " + (p.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
