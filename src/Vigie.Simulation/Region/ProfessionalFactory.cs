using System.Globalization;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>Draws the region's professionals: how many per establishment and role, and each one's habits.</summary>
internal static class ProfessionalFactory
{
    // Share of each role among staff using the registry (security officers are few and regional).
    private static readonly (Role Role, double Share)[] Roles =
    [
        (Role.Nurse, 0.33), (Role.Physician, 0.25), (Role.Secretary, 0.12), (Role.Admission, 0.11),
        (Role.Emergency, 0.12), (Role.IdentityVigilance, 0.04), (Role.SecurityOfficer, 0.03),
    ];

    public static List<Professional> Create(RegionOptions options, List<RegionEstablishment> establishments, int[] patientsInCare)
    {
        var total = Math.Max(1, patientsInCare.Sum());
        var result = new List<Professional>(options.Professionals);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (e, staff) in establishments.Zip(Staff(options.Professionals, patientsInCare, total)))
        {
            foreach (var role in Split(staff))
            {
                result.Add(Draw(options.Seed, result.Count, e, role, ids));
            }
        }

        return result;
    }

    /// <summary>Staff per establishment: a minimum each (up to 8), the rest in proportion to patients in care.</summary>
    private static int[] Staff(int professionals, int[] patientsInCare, int total)
    {
        var minimum = Math.Min(8, professionals / patientsInCare.Length);
        var rest = professionals - (minimum * patientsInCare.Length);
        var exact = patientsInCare.Select(n => rest * (double)n / total).ToArray();
        var staff = exact.Select(x => minimum + (int)x).ToArray();
        foreach (var i in Enumerable.Range(0, staff.Length).OrderByDescending(i => exact[i] - (int)exact[i]).ThenBy(i => i).Take(professionals - staff.Sum()))
        {
            staff[i]++;
        }

        return staff;
    }

    /// <summary>Roles for <paramref name="staff"/> people: at least one admission desk, identity-vigilance officer,
    /// emergency and security officer each when there is room, then shares.</summary>
    private static IEnumerable<Role> Split(int staff)
    {
        var roles = new List<Role>();
        foreach (var must in new[] { Role.Admission, Role.IdentityVigilance, Role.Emergency, Role.SecurityOfficer, Role.Physician, Role.Nurse, Role.Secretary })
        {
            if (roles.Count < staff)
            {
                roles.Add(must);
            }
        }

        // Largest remainder: deterministic and close to the shares.
        var left = staff - roles.Count;
        var exact = Roles.Select(r => r.Share * left).ToArray();
        var counts = exact.Select(x => (int)x).ToArray();
        foreach (var i in Enumerable.Range(0, Roles.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left - counts.Sum()))
        {
            counts[i]++;
        }

        for (var i = 0; i < Roles.Length; i++)
        {
            roles.AddRange(Enumerable.Repeat(Roles[i].Role, counts[i]));
        }

        return roles;
    }

    private static Professional Draw(int seed, int index, RegionEstablishment establishment, Role role, HashSet<string> ids)
    {
        var random = new SimRandom(SimRandom.Derive(seed, index, RegionStreams.Professionals));
        string rpps;
        do
        {
            var body = "10" + random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            rpps = body + Luhn.CheckDigit(body);
        }
        while (!ids.Add(rpps));

        var subnet = establishment.Subnets[random.Next(establishment.Subnets.Count)];
        var workstation = NetworkPlan.Host(establishment.Network, subnet, random.Next(10, 250));
        var userAgent = random.Chance(0.9) ? establishment.Browser : UserAgents.Personal(random);
        var activity = Math.Clamp(Math.Exp(Gaussian(random) * 0.35), 0.4, 2.5);
        var night = role switch
        {
            Role.Nurse => random.Chance(0.25),
            Role.Emergency => random.Chance(0.5),
            _ => false,
        };
        var (homeChance, remoteShare) = role switch
        {
            Role.Physician => (0.3, 0.1),
            Role.Secretary => (0.2, 0.2),
            Role.IdentityVigilance => (0.3, 0.2),
            Role.Admission => (0.05, 0.05),
            _ => (0.0, 0.0),
        };
        var home = random.Chance(homeChance) ? NetworkPlan.HomeAddress(random) : null;
        var phone = role switch
        {
            Role.Physician => random.Chance(0.2),
            Role.Emergency => random.Chance(0.1),
            _ => false,
        };
        return new Professional(index, new NationalId("8" + rpps), establishment, role, workstation, userAgent, activity, night, home, home is null ? 0 : remoteShare, phone);
    }

    /// <summary>A standard normal draw (Box–Muller), from the seeded stream.</summary>
    public static double Gaussian(SimRandom random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
