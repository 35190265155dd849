namespace Vigie.Storage.Access;

/// <summary>One disclosure of a patient's contact data, with the categories shown (counted per category).</summary>
public sealed class ContactDisclosureRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Subject { get; set; }
    public required string PatientId { get; set; }

    /// <summary>Vigie.Core.Access.ContactCategories flags actually disclosed.</summary>
    public int Categories { get; set; }

    public required string RequestId { get; set; }
}
