using System.Text.Json;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Core.Notices;
using Vigie.Notices;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Notices;

/// <summary>Facts, targets and run options for notification tests.</summary>
internal static class NoticeFixtures
{
    public static NoticeFacts Facts { get; } = new(
        "GRADeS Hauts-de-France",
        "GRADeS HDF",
        BreachKind.UsurpedProfessionalAccounts,
        new DateOnly(2025, 9, 1),
        new DateOnly(2025, 9, 12),
        new DateOnly(2025, 9, 14),
        [NoticeMeasure.AccountsBlocked, NoticeMeasure.AuthoritiesNotified],
        new DpoContact("dpo@gradeshdf.example", "03 20 00 00 00", ["2 rue de l'Exemple", "59000 Lille"]),
        "https://vigie.gradeshdf.example/verifier");

    public static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static NoticeKeys Keys => NoticeKeys.FromSecret(Secret);

    /// <summary>Person i: an email address for i % 4 in {0, 1}, a mobile for 2, a postal address only for 3 (when mixed).</summary>
    public static NotificationTarget Target(int i, bool mixed = false)
    {
        var kind = mixed ? i % 4 : 0;
        return new NotificationTarget($"p-{i:D6}", $"Personne {i} TEST", kind <= 1 ? $"personne.{i}@exemple.fr" : null, kind == 2 ? $"06 {i / 1_000_000 % 100:D2} {i / 10_000 % 100:D2} {i / 100 % 100:D2} {i % 100:D2}" : null,
            kind == 3 ? new PostalAddress([$"{i} rue des Tests"], "59000", "Lille", "FR") : null, DisclosedData.Identity | DisclosedData.Email);
    }

    public static IReadOnlyList<NotificationTarget> Targets(int count, bool mixed = false) => [.. Enumerable.Range(0, count).Select(i => Target(i, mixed))];

    public static SmtpOptions Smtp(SmtpSink sink, int connections = 4) =>
        new("127.0.0.1", sink.Port, SecureSocketOptions.None, MailboxAddress.Parse("GRADeS HDF <ne-pas-repondre@gradeshdf.example>"), Connections: connections);

    public static NotificationRunOptions Options(TestDatabase database, SmtpSink? sink, string incident = "inc-2025-09", ISmsSender? sms = null) =>
        new(incident, Facts, "gradeshdf.example", sink is null ? null : Smtp(sink), sms, Path.Combine(database.DataDirectory, "lettres"))
        {
            RetryDelay = TimeSpan.FromMilliseconds(50),
            ProgressEvery = TimeSpan.FromMilliseconds(100),
        };

    public static Task<NotificationRunResult> RunAsync(TestDatabase database, NotificationRunOptions options, IReadOnlyList<NotificationTarget> targets, CancellationToken ct = default) =>
        NotificationRun.RunAsync(options, targets, Keys, database.NewContext, TimeProvider.System, NullLogger.Instance, null, ct);

    /// <summary>The reference printed in a message body (grouped form).</summary>
    public static VerificationReference ReferenceIn(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}");
        Assert.True(match.Success, "no reference in the message");
        return VerificationReference.Parse(match.Value).Value;
    }

    public static async Task WriteTargetsAsync(string path, IEnumerable<NotificationTarget> targets) =>
        await File.WriteAllLinesAsync(path, targets.Select(t => JsonSerializer.Serialize(new
        {
            patientId = t.PatientId,
            displayName = t.DisplayName,
            email = t.Email,
            phone = t.Phone,
            address = t.Address is null ? null : new { lines = t.Address.Lines, postalCode = t.Address.PostalCode, city = t.Address.City, country = t.Address.Country },
            exposed = new[] { "identity", "email" },
        })));

    public static async Task WriteFactsAsync(string path) => await File.WriteAllTextAsync(path, JsonSerializer.Serialize(Facts, NoticeInputFiles.Json));
}
