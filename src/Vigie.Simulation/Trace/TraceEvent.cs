using Vigie.Core.Detection;

namespace Vigie.Simulation.Trace;

/// <summary>One line of a trace: the access as the engine sees it, plus the query's values (which only the trace keeps).</summary>
/// <param name="Access">The access event (its <see cref="AccessEvent.Query"/> is <see cref="Query"/>'s shape).</param>
/// <param name="Query">The query's values, or null for a read.</param>
public sealed record TraceEvent(AccessEvent Access, TraceQuery? Query);
