using Microsoft.EntityFrameworkCore;
using Vigie.Core;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Storage;
using Vigie.Storage.Access;

namespace Vigie.Auth;

/// <summary>Seeding and deactivating the professionals table (CLI verbs, tests, demos).</summary>
internal static class Professionals
{
    /// <summary>Adds (or re-activates and updates) a professional in an establishment; returns the canonical national id.</summary>
    public static async Task<ParseResult<string>> AddAsync(VigieDbContext db, string nationalId, string finess, string? profession, Role roles, string? name,
        DateTimeOffset now, CancellationToken ct)
    {
        var id = NationalId.Parse(nationalId);
        if (!id.Success)
        {
            return ParseResult<string>.Fail(id.Error!);
        }

        var establishment = Finess.Parse(finess);
        if (!establishment.Success)
        {
            return ParseResult<string>.Fail(establishment.Error!);
        }

        if (!await db.Establishments.AnyAsync(e => e.Finess == establishment.Value.Value, ct).ConfigureAwait(false))
        {
            return ParseResult<string>.Fail("this establishment is not registered: `vigie establishment add` first");
        }

        if (profession is not null && (profession.Length > 10 || !profession.All(char.IsAsciiLetterOrDigit)))
        {
            return ParseResult<string>.Fail("a profession code has at most 10 letters or digits (TRE_G15, e.g. 10 physician, 60 nurse)");
        }

        var row = await db.Professionals.FirstOrDefaultAsync(p => p.NationalId == id.Value.Value && p.Finess == establishment.Value.Value, ct).ConfigureAwait(false);
        if (row is null)
        {
            row = new ProfessionalRow { NationalId = id.Value.Value, Finess = establishment.Value.Value, DisplayName = "", CreatedAt = now };
            db.Professionals.Add(row);
        }

        row.Kind = (int)PrincipalKind.Professional;
        row.ProfessionCode = profession;
        row.Roles = (int)roles;
        row.DisplayName = name ?? id.Value.Value;
        row.Active = true;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return ParseResult<string>.Ok(id.Value.Value);
    }

    /// <summary>
    /// Registers the professional's own email (every establishment row of the national id): where "was this you?"
    /// goes when their account is contained. Null clears it.
    /// </summary>
    public static async Task<ParseResult<int>> SetEmailAsync(VigieDbContext db, string nationalId, string? email, CancellationToken ct)
    {
        var id = NationalId.Parse(nationalId);
        if (!id.Success)
        {
            return ParseResult<int>.Fail(id.Error!);
        }

        if (email is not null && !IsEmail(email))
        {
            return ParseResult<int>.Fail("the email is a bare address, e.g. prenom.nom@chu.example (at most 254 characters)");
        }

        var rows = await db.Professionals.Where(p => p.NationalId == id.Value.Value).ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row.Email = email;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return ParseResult<int>.Ok(rows.Count);
    }

    /// <summary>A bare address (no display name, no angle brackets) of at most 254 characters.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= 254 && email.Contains('@', StringComparison.Ordinal) && MimeKit.MailboxAddress.TryParse(email, out var mailbox) && mailbox.Address == email;

    public static async Task<ParseResult<string>> AddOfficerAsync(VigieDbContext db, string name, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return ParseResult<string>.Fail("a security officer name has 1 to 64 letters, digits, '.', '-' or '_'");
        }

        var id = PrincipalResolver.OfficerId(name);
        var row = await db.Professionals.FirstOrDefaultAsync(p => p.NationalId == id && p.Finess == null, ct).ConfigureAwait(false);
        if (row is null)
        {
            db.Professionals.Add(new ProfessionalRow
            {
                NationalId = id, Kind = (int)PrincipalKind.SecurityOfficer, Roles = (int)Role.SecurityOfficer, DisplayName = name, Active = true, CreatedAt = now,
            });
        }
        else
        {
            row.Active = true;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return ParseResult<string>.Ok(id);
    }

    /// <summary>Deactivates a professional in one establishment, or in all when <paramref name="finess"/> is null.</summary>
    public static async Task<int> DeactivateAsync(VigieDbContext db, string nationalId, string? finess, CancellationToken ct)
    {
        var id = NationalId.Parse(nationalId) is { Success: true } parsed ? parsed.Value.Value : PrincipalResolver.OfficerId(nationalId);
        return await db.Professionals.Where(p => p.NationalId == id && (finess == null || p.Finess == finess))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Active, false), ct).ConfigureAwait(false);
    }
}
