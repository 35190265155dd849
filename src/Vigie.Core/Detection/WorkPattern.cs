namespace Vigie.Core.Detection;

/// <summary>When a role usually works: the cold-start prior of the timing signal, until the account's own hours are learnt.</summary>
public enum WorkPattern
{
    /// <summary>Monday to Friday, 8:00 to 19:00.</summary>
    Office = 0,

    /// <summary>Monday to Saturday, 7:00 to 21:00 (wards, admission desks).</summary>
    Day = 1,

    /// <summary>Around the clock in shifts, days busier than nights (nurses).</summary>
    Shifts = 2,

    /// <summary>Around the clock, evenly (emergency departments).</summary>
    Continuous = 3,
}
