using System.CommandLine;
using Vigie.Hosting;

namespace Vigie.Cli;

/// <summary>Options every verb takes, and how they become <see cref="VigieSettings"/>.</summary>
internal static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "Data directory (SQLite file, keys, exports). Default: $VIGIE_DATA or ./vigie-data",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_DATA") ?? "vigie-data",
    };

    public static Option<string?> Postgres()
    {
        var option = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string; when absent the embedded SQLite file is used. A server off this machine must be reached with TLS required (SSL Mode=VerifyFull or Require). Default: $VIGIE_POSTGRES",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_POSTGRES"),
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: > 0 } connection && Vigie.Storage.Postgres.PostgresTransport.Problem(connection) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>The built-in provider's issuer (the "iss" of its tokens); the server and `vigie token` must agree.</summary>
    public static Option<string?> Issuer() => new("--issuer")
    {
        Description = "Built-in provider issuer URL. Default: $VIGIE_ISSUER, else the first listening URL (http://127.0.0.1:5080/)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_ISSUER"),
    };

    public static VigieSettings Settings(ParseResult result, Option<string> data, Option<string?> postgres) => new()
    {
        DataDirectory = result.GetValue(data)!,
        PostgresConnectionString = result.GetValue(postgres),
    };

    /// <summary>Adds --data and --postgres to a verb and returns them.</summary>
    public static (Option<string> Data, Option<string?> Postgres) AddTo(Command command)
    {
        var data = Data();
        var postgres = Postgres();
        command.Options.Add(data);
        command.Options.Add(postgres);
        return (data, postgres);
    }
}
