namespace Vigie.Core.Detection;

/// <summary>What a containment covers.</summary>
public enum ContainmentScope
{
    /// <summary>One session of one account.</summary>
    Session = 0,

    /// <summary>The whole account: all its sessions, present and future.</summary>
    Account = 1,
}
