using System.CommandLine;
using System.Globalization;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Cli;

/// <summary>`vigie audit verify|export`: check the journal's integrity; export it as BALP AuditEvents (NDJSON).</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Verify or export the tamper-evident access journal.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Verify()
    {
        var verify = new Command("verify", "Recompute the journal's Merkle tree, seals and checkpoints. Exit 0 when it verifies, 1 when it does not (naming the first entry that differs), 2 on a usage error.");
        var (data, postgres) = CommonOptions.AddTo(verify);
        var witness = new Option<string[]>("--witness") { Description = "A witness file of checkpoints to check as well (repeatable)", DefaultValueFactory = _ => [] };
        var publicKey = new Option<string?>("--public-key") { Description = "Verify with this public key (vkey) instead of the data directory's key: for an outside auditor; seals are then not checked" };
        verify.Options.Add(witness);
        verify.Options.Add(publicKey);
        verify.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            var trust = Trust(settings, result.GetValue(publicKey));
            if (!trust.Success)
            {
                await Console.Error.WriteLineAsync("error: " + trust.Error).ConfigureAwait(false);
                return 2;
            }

            var witnessed = new List<StoredCheckpoint>();
            foreach (var file in result.GetValue(witness)!)
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync("error: no witness file " + file).ConfigureAwait(false);
                    return 2;
                }

                witnessed.AddRange(FileCheckpointWitness.ReadAll(file));
            }

            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var verification = await JournalAudit.VerifyAsync(db, trust.Value, witnessed, ct).ConfigureAwait(false);
            Console.WriteLine(Describe(verification));
            return verification.IsValid ? 0 : 1;
        });
        return verify;
    }

    private static Command Export()
    {
        var export = new Command("export", "Write the journal as BALP AuditEvents, one JSON object per line, in sequence order.");
        var (data, postgres) = CommonOptions.AddTo(export);
        var output = new Option<string?>("--out") { Description = "Output file. Default: standard output" };
        var patient = new Option<string?>("--patient") { Description = "Only entries about this patient id" };
        var agent = new Option<string?>("--agent") { Description = "Only entries by this professional (national id)" };
        var from = new Option<string?>("--from") { Description = "Only entries at or after this instant (ISO 8601 with offset, or a date)" };
        var to = new Option<string?>("--to") { Description = "Only entries before this instant (ISO 8601 with offset, or a date)" };
        foreach (var o in new Option[] { output, patient, agent, from, to })
        {
            export.Options.Add(o);
        }

        export.SetAction(async (result, ct) =>
        {
            var query = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal);
            AddIf(query, "patient", result.GetValue(patient));
            AddIf(query, "agent", result.GetValue(agent));
            var dates = new List<string>();
            if (result.GetValue(from) is { } f) { dates.Add("ge" + f); }
            if (result.GetValue(to) is { } t) { dates.Add("lt" + t); }
            if (dates.Count > 0) { query["date"] = dates.ToArray(); }

            var search = AuditEventQuery.Parse(new QueryCollection(query));
            if (!search.Success)
            {
                await Console.Error.WriteLineAsync("error: " + search.Error).ConfigureAwait(false);
                return 2;
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            return await AuditExport.RunAsync(settings, search.Value, result.GetValue(output), ct).ConfigureAwait(false);
        });
        return export;
    }

    private static void AddIf(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name, string? value)
    {
        if (value is not null)
        {
            query[name] = value;
        }
    }

    private static Core.ParseResult<JournalTrust> Trust(VigieSettings settings, string? publicKeyFile)
    {
        if (publicKeyFile is not null)
        {
            if (!File.Exists(publicKeyFile))
            {
                return Core.ParseResult<JournalTrust>.Fail("no public key file " + publicKeyFile);
            }

            var key = CheckpointKey.ParseVerifierKey(File.ReadAllText(publicKeyFile).Trim());
            return key.Success ? Core.ParseResult<JournalTrust>.Ok(new JournalTrust(key.Value)) : Core.ParseResult<JournalTrust>.Fail("public key: " + key.Error);
        }

        var path = Path.Combine(settings.DataDirectory, JournalSigningKey.FileName);
        if (!File.Exists(path))
        {
            return Core.ParseResult<JournalTrust>.Fail($"no journal key in {settings.DataDirectory} (has a server run with this data directory?)");
        }

        try
        {
            using var signing = JournalSigningKey.Load(path, settings.Journal.Origin);
            return Core.ParseResult<JournalTrust>.Ok(new JournalTrust(signing.PublicKey, signing.SealKey.ToArray()));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return Core.ParseResult<JournalTrust>.Fail("journal key: " + e.Message);
        }
    }

    private static string Describe(JournalVerification v)
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{v.EntriesChecked} entries checked (from #{v.FirstEntry}), tree size {v.TreeSize}, {v.CheckpointsChecked} checkpoints (last at size {v.LastCheckpointSize}), seals {(v.SealsChecked ? "checked" : "not checked")}");
        if (v.Fault is not { } fault)
        {
            return "journal verifies: " + summary;
        }

        var where = fault.Entry is { } entry
            ? fault.IsExact ? $"first entry that differs: #{entry}" : $"first difference within entries #{entry} to #{fault.RangeEnd - 1}"
            : fault.CheckpointSize is { } size ? $"checkpoint at size {size}" : "journal";
        return string.Create(CultureInfo.InvariantCulture, $"journal does NOT verify: {where}: {fault.Kind}: {fault.Detail}\n{summary}");
    }
}
