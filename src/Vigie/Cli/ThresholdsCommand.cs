using System.CommandLine;
using Vigie.Core;
using Vigie.Core.Detection;

namespace Vigie.Cli;

/// <summary>
/// `vigie thresholds [--file F]`: prints the risk engine's thresholds as the JSON that `serve --detection-thresholds`
/// and `replay --thresholds` read: the documented defaults, or a file's values applied to them (checking the file
/// before a node is restarted with it). Security officers copy the output, edit a few values, calibrate them with
/// replay or report-only mode, then enforce them.
/// </summary>
internal static class ThresholdsCommand
{
    public static Command Create()
    {
        var command = new Command("thresholds", "Print the risk engine's thresholds (defaults, or a thresholds file applied to them) as JSON.");
        var file = FileOption("--file");
        command.Options.Add(file);
        command.SetAction(result =>
        {
            var thresholds = Load(result.GetValue(file));
            if (!thresholds.Success)
            {
                Console.Error.WriteLine("error: --file " + thresholds.Error);
                return 2;
            }

            Console.Out.WriteLine(DetectionThresholds.Describe(thresholds.Value));
            return 0;
        });
        return command;
    }

    public static Option<FileInfo?> FileOption(string name) => new(name)
    {
        Description = "JSON thresholds file (keys as printed by `vigie thresholds`; left-out keys keep their defaults). Default: the documented defaults",
    };

    /// <summary>The thresholds of <paramref name="file"/> over the defaults; the defaults when no file is given.</summary>
    public static ParseResult<DetectionOptions> Load(FileInfo? file)
    {
        if (file is null)
        {
            return ParseResult<DetectionOptions>.Ok(DetectionOptions.Default);
        }

        if (!file.Exists)
        {
            return ParseResult<DetectionOptions>.Fail($"{file.FullName} does not exist");
        }

        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseResult<DetectionOptions>.Fail($"{file.FullName} cannot be read: {e.Message}");
        }

        var read = DetectionThresholds.Read(json, DetectionOptions.Default);
        return read.Success ? read : ParseResult<DetectionOptions>.Fail($"{file.Name} {read.Error}");
    }
}
