using System.Globalization;
using System.Text;
using Vigie.Core.Identity;
using Vigie.Simulation.Region;

namespace Vigie.Seeding;

/// <summary>
/// `vigie seed --export DIR`: the seeded region as an outside test harness needs it. patients.csv has one line per
/// local record (canaries included, like any other line: nothing marks them), professionals.csv one per professional.
/// </summary>
internal static class SeedExport
{
    public static void Write(string directory, SyntheticRegion region, IReadOnlyDictionary<(string Finess, string Ipp), PatientId> registry)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(registry);
        Directory.CreateDirectory(directory);
        using (var patients = new StreamWriter(Path.Combine(directory, "patients.csv"), false, new UTF8Encoding(false)))
        {
            patients.WriteLine("id,establishment,ipp_system,ipp,family,given,birthdate,gender,birthplace,phone,email");
            foreach (var r in region.Records)
            {
                var id = registry.TryGetValue((r.Establishment.Finess.Value, r.Ipp.Value), out var registered) ? registered.Value : null;
                var t = r.Traits;
                Line(patients, id, r.Establishment.Finess.Value, r.Establishment.IppSystem, r.Ipp.Value, t.BirthName, t.GivenNames, t.BirthDate, t.Sex, t.BirthplaceCode,
                    t.Phones.FirstOrDefault(), t.Emails.FirstOrDefault());
            }

            var systems = region.Records.Select(r => r.Establishment).DistinctBy(e => e.Finess).ToDictionary(e => e.Finess, e => e.IppSystem);
            foreach (var c in region.Patients.Where(p => p.Canary))
            {
                var (traits, email, phone) = CanaryIdentities.For(c, region.Options.Seed);
                Line(patients, registry.TryGetValue((c.Establishments[0].Value, c.Ipps[0]), out var canary) ? canary.Value : null, c.Establishments[0].Value, systems[c.Establishments[0]], c.Ipps[0], traits.BirthName, traits.GivenNames,
                    traits.BirthDate, traits.Sex, null, phone, email);
            }
        }

        using var professionals = new StreamWriter(Path.Combine(directory, "professionals.csv"), false, new UTF8Encoding(false));
        professionals.WriteLine("rpps,establishment,role,usual_ip");
        foreach (var p in region.Professionals)
        {
            professionals.WriteLine(string.Join(',', Csv(p.Id.Value), Csv(p.Establishment.Finess.Value), Csv(Vigie.Core.Access.RoleNames.Format(p.Role)), Csv(p.Workstation)));
        }
    }

    private static void Line(StreamWriter w, string? id, string finess, string system, string ipp, string family, string given, DateOnly? birth, Sex sex,
        string? birthplace, string? phone, string? email) =>
        w.WriteLine(string.Join(',', Csv(id), Csv(finess), Csv(system), Csv(ipp), Csv(family), Csv(given),
            Csv(birth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Csv(Gender(sex)), Csv(birthplace), Csv(phone), Csv(email)));

    private static string Gender(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        _ => "unknown",
    };

    /// <summary>RFC 4180: quoted when it holds a comma, a quote or a line break.</summary>
    private static string Csv(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
