namespace Vigie.Core.Detection;

/// <summary>The learnt rates, by index in the baselines' arrays.</summary>
internal static class SignalKind
{
    /// <summary>Patients new to the session without a care link.</summary>
    public const int Unlinked = 0;

    /// <summary>Disclosing requests with contact data.</summary>
    public const int Contact = 1;

    /// <summary>Searches that find nobody.</summary>
    public const int Empty = 2;

    /// <summary>Searches with results that are broad.</summary>
    public const int Broad = 3;

    public const int Count = 4;

    public static double PriorRate(RolePrior prior, int kind) => kind switch
    {
        Unlinked => prior.UnlinkedRate,
        Contact => prior.ContactRate,
        Empty => prior.EmptyRate,
        _ => prior.BroadRate,
    };
}
