namespace Vigie.Core.Detection;

/// <summary>
/// The session's behavioural counts (k suspicious observations of n) and the evidence they give, as a value so that
/// a decision can try them with its request and keep them only if it discloses.
/// </summary>
internal struct SessionSignals
{
    /// <summary>Patients new to the session without a care link (k), of patients new to the session (n).</summary>
    public Counts Unlinked;

    /// <summary>Disclosing requests with contact data, of disclosing requests.</summary>
    public Counts Contact;

    /// <summary>Searches finding nobody (and reads of unknown ids), of searches.</summary>
    public Counts Empty;

    /// <summary>Broad searches, of searches with results.</summary>
    public Counts Broad;

    /// <summary>Searches later in the alphabet than the previous one, of those that reached beyond the establishment.</summary>
    public Counts Order;

    /// <summary>
    /// Name-only searches (no birth date: the shape of an alphabetical sweep) later in the alphabet than the previous
    /// name-only one, of those that reached beyond the establishment. Counted apart from <see cref="Order"/> so that
    /// a sweep hidden among look-ups from a list (in no order) still reads as a sweep.
    /// </summary>
    public Counts UndatedOrder;

    /// <summary>Searches in sequence with the previous one (identifier or birth date a few apart), of consecutive searches.</summary>
    public Counts Sequence;

    public double CareLink;
    public double ContactEvidence;
    public double Probing;
    public double Breadth;
    public double Sweep;

    public readonly double Sum => CareLink + ContactEvidence + Probing + Breadth + Sweep;
}
