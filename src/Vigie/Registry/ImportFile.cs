using System.Text;
using Hl7.Fhir.Model;
using Vigie.Fhir;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// Reads an import file completely and checks every record before anything is written: FHIR NDJSON (one
/// Patient per line) or one batch Bundle of Patient creates. Errors name the line or entry, never the data.
/// </summary>
internal static class ImportFile
{
    public const int MaxReportedErrors = 20;

    public sealed record Checked(IReadOnlyList<RegistrationRequest> Requests, IReadOnlyList<string> Errors);

    public static async Task<Checked> ReadAsync(string path, DateOnly today, IReadOnlyDictionary<string, string> establishments, CancellationToken ct)
    {
        var errors = new List<string>();
        var requests = new List<RegistrationRequest>();
        if (await LooksLikeBundleAsync(path, ct).ConfigureAwait(false))
        {
            var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            var bundle = FhirBody.Parse<Bundle>(bytes);
            if (bundle.Error is not null)
            {
                errors.Add("the file is not a valid FHIR Bundle: " + Describe(bundle.Error));
                return new Checked(requests, errors);
            }

            for (var i = 0; i < bundle.Resource!.Entry.Count; i++)
            {
                Add(bundle.Resource.Entry[i].Resource as Patient, $"entry {i}");
            }

            return new Checked(requests, errors);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = FhirBody.Parse<Patient>(Encoding.UTF8.GetBytes(line));
            if (parsed.Error is not null)
            {
                AddError($"line {lineNumber}: {Describe(parsed.Error)}");
                continue;
            }

            Add(parsed.Resource, $"line {lineNumber}");
        }

        return new Checked(requests, errors);

        void Add(Patient? patient, string where)
        {
            if (patient is null)
            {
                AddError($"{where}: not a Patient");
                return;
            }

            var request = RegistrationInput.From(patient, today, establishments);
            if (request.Success)
            {
                requests.Add(request.Value);
            }
            else
            {
                AddError($"{where}: {request.Error}");
            }
        }

        void AddError(string message)
        {
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add(message);
            }
            else if (errors.Count == MaxReportedErrors)
            {
                errors.Add("... more errors not shown");
            }
        }
    }

    private static string Describe(FhirResult error) =>
        (error.Resource as OperationOutcome)?.Issue.FirstOrDefault()?.Diagnostics ?? "invalid";

    private static async Task<bool> LooksLikeBundleAsync(string path, CancellationToken ct)
    {
        // NDJSON has one resource per line; a Bundle file is one JSON object, usually pretty-printed.
        using var reader = new StreamReader(path, Encoding.UTF8);
        var first = await reader.ReadLineAsync(ct).ConfigureAwait(false) ?? "";
        return first.Contains("\"Bundle\"", StringComparison.Ordinal) || first.Trim() == "{";
    }
}
