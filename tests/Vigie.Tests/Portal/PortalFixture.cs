using Vigie.Core.Notices;
using Vigie.Notices;
using Vigie.Storage.Notices;
using Vigie.Tests.Support;

namespace Vigie.Tests.Portal;

/// <summary>Notifications recorded straight in a test server's database, with references the test knows.</summary>
internal static class PortalFixture
{
    public static readonly DateTimeOffset SentAt = new(2025, 9, 20, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Plans one notification and, unless <paramref name="send"/> is false, records it as sent with <paramref name="mask"/>.</summary>
    public static async Task<VerificationReference> NotifyAsync(VigieTestServer server, string patientId, NoticeChannel channel, string? mask, bool send = true)
    {
        var keys = NoticeKeys.LoadOrCreate(server.Settings.DataDirectory);
        var reference = VerificationReference.Generate(new Random(patientId.GetHashCode(StringComparison.Ordinal)).NextBytes);
        var messageId = NoticeKeys.NewMessageId("gradeshdf.example");
        await using var db = server.Database.NewContext();
        await NotificationStore.PlanAsync(db, "inc-portal", [new PlannedNotification(patientId, channel, keys.LookupHash(reference), keys.Seal(reference, messageId), messageId)], SentAt.AddHours(-1), default);
        if (send)
        {
            var claimed = await NotificationStore.ClaimAsync(db, "inc-portal", channel, NotificationStatus.Pending, 0, 10, SentAt.AddMinutes(-1), default);
            await NotificationStore.ConfirmAsync(db, [new Delivery(claimed.Single().Id, "250 ok", mask)], SentAt, default);
        }

        return reference;
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public static async Task<(HttpResponseMessage Response, string Body)> PostAsync(HttpClient client, string path, params (string Key, string Value)[] fields)
    {
        var response = await client.PostAsync(path, Form(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }
}
