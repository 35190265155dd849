using Vigie.Cli;

// One executable, many verbs: serve, import, duplicates, establishment... (see Cli/VigieCommandLine.cs).
return await VigieCommandLine.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
