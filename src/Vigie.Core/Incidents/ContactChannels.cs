namespace Vigie.Core.Incidents;

/// <summary>The channels by which an affected person can be told (GDPR Art. 34).</summary>
[Flags]
public enum ContactChannels
{
    /// <summary>No channel: no usable contact on record.</summary>
    None = 0,

    /// <summary>At least one email address.</summary>
    Email = 1,

    /// <summary>At least one mobile number (French 06/07, or +33 6/7).</summary>
    Sms = 2,

    /// <summary>A postal address with lines, postal code and city.</summary>
    Post = 4,
}
