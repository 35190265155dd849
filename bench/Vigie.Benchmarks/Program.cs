using BenchmarkDotNet.Running;
using Vigie.Benchmarks.Scenarios;

// `registry [--identities N] ...` runs the regional-scale scenario and records its figures in docs/benchmarks.md;
// anything else goes to BenchmarkDotNet (micro-benchmarks of the hot paths, compared by ratio to a baseline).
if (args.Length > 0 && args[0] == "registry")
{
    return await RegistryScenario.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "matching-quality")
{
    return MatchingQualityScenario.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "detection")
{
    return DetectionScenario.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "detection-warm")
{
    return WarmStartScenario.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "notices")
{
    return await NoticesScenario.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "incident-scope")
{
    return await Vigie.Benchmarks.Scenarios.Incidents.IncidentScopeScenario.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "auth-latency")
{
    return await AuthLatency.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "journal")
{
    return await JournalStorageScenario.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "journal-floor")
{
    return await JournalFloorScenario.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "journal-overhead")
{
    return await JournalOverheadScenario.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(RegistryScenario).Assembly).Run(args);
return 0;
