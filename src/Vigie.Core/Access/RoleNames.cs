namespace Vigie.Core.Access;

/// <summary>The names roles have in configuration, on the command line and in tokens' activity role codes.</summary>
public static class RoleNames
{
    /// <summary>The kebab-case name of one role (e.g. "identity-vigilance").</summary>
    public static string Of(Role role) => role switch
    {
        Role.Admission => "admission",
        Role.Physician => "physician",
        Role.Nurse => "nurse",
        Role.Secretary => "secretary",
        Role.IdentityVigilance => "identity-vigilance",
        Role.Emergency => "emergency",
        Role.SecurityOfficer => "security-officer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), "one role at a time"),
    };

    /// <summary>Parses a comma-separated list of role names.</summary>
    public static ParseResult<Role> Parse(string? names)
    {
        var roles = Role.None;
        foreach (var name in (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = Enum.GetValues<Role>().Where(r => r != Role.None).FirstOrDefault(r => Of(r) == name);
            if (role == Role.None)
            {
                return ParseResult<Role>.Fail($"unknown role '{name}'; roles: " + string.Join(", ", Enum.GetValues<Role>().Where(r => r != Role.None).Select(Of)));
            }

            roles |= role;
        }

        return ParseResult<Role>.Ok(roles);
    }

    /// <summary>The names of a set of roles, comma-separated.</summary>
    public static string Format(Role roles) =>
        string.Join(",", Enum.GetValues<Role>().Where(r => r != Role.None && roles.HasFlag(r)).Select(Of));
}
