namespace Vigie.Simulation.Region;

/// <summary>What is fixed for one professional-day: who, their role's habits, today's share of patients not in care here.</summary>
internal sealed record DayPlan(Professional Professional, RoleHabits Habits, double UnlinkedToday, ProfessionalMemory Memory);
