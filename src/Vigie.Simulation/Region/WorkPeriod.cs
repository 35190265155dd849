namespace Vigie.Simulation.Region;

/// <summary>A stretch of work in local time: at the establishment, or remote (home or phone); light for on-call evenings.</summary>
internal readonly record struct WorkPeriod(DateTime Start, DateTime End, bool Remote, bool Light)
{
    public double Hours => (End - Start).TotalHours;
}
