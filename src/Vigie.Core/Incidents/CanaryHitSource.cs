namespace Vigie.Core.Incidents;

/// <summary>How a canary contact showed up outside Vigie.</summary>
public enum CanaryHitSource
{
    /// <summary>A message received by the monitored mailbox or SMS gateway.</summary>
    MonitoredMessage = 1,

    /// <summary>A message reported on the public portal that names the contact.</summary>
    PhishingReport = 2,
}
