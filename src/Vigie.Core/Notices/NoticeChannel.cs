namespace Vigie.Core.Notices;

/// <summary>How a notice reaches a person. The numeric values are stored and never change.</summary>
public enum NoticeChannel
{
    /// <summary>No usable contact: the person is recorded as failed with a reason, never silently skipped.</summary>
    None = 0,

    /// <summary>Email over SMTP (plain text and simple HTML).</summary>
    Email = 1,

    /// <summary>SMS through a provider.</summary>
    Sms = 2,

    /// <summary>A printed postal letter.</summary>
    Letter = 3,
}
