using Vigie.Cli;

// One executable, many verbs: serve, import, duplicates, establishment... (see Cli/VigieCommandLine.cs).
var parsed = VigieCommandLine.Build().Parse(args);

// A usage error exits 2 on every verb, so that scripts can tell it from a verb's own failure (e.g. `audit verify`
// exits 1 when the journal does not verify).
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync("See 'vigie --help' or 'vigie <verb> --help'.").ConfigureAwait(false);
    return 2;
}

return await parsed.InvokeAsync().ConfigureAwait(false);
