namespace Vigie.Core.Identity;

/// <summary>The identitovigilance attributes an identity may carry alongside its status.</summary>
[Flags]
public enum IdentityFlags
{
    /// <summary>No attribute.</summary>
    None = 0,
    /// <summary>Identité douteuse: the traits are suspected to be wrong or borrowed.</summary>
    Doubtful = 1,
    /// <summary>Identité fictive: deliberately not the person's real identity (care under a pseudonym, exercises).</summary>
    Fictitious = 2,
    /// <summary>Homonyme: another identity shares the same strict traits; handle with extra care.</summary>
    Homonym = 4,
}
