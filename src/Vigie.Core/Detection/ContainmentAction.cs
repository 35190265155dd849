namespace Vigie.Core.Detection;

/// <summary>A containment change: put in place, or lifted.</summary>
public enum ContainmentAction
{
    /// <summary>Suspended.</summary>
    Suspend = 0,

    /// <summary>Released by a security officer.</summary>
    Release = 1,
}
