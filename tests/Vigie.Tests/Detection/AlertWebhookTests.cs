using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Vigie.Storage.Detection;
using Vigie.Tests.Support;

namespace Vigie.Tests.Detection;

/// <summary>Stored alerts reach the configured webhook (a real HTTP receiver on loopback) and are marked delivered.</summary>
public sealed class AlertWebhookTests
{
    [Fact]
    public async Task StoredAlert_IsPostedToTheWebhook_AndMarkedDelivered()
    {
        var received = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await receiver.StartAsync();
        var hook = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");

        await using var server = await VigieTestServer.StartAsync(settings: s => s with { Detection = s.Detection with { AlertWebhook = hook, SyncInterval = TimeSpan.FromMilliseconds(100) } });
        await using (var db = server.Database.NewContext())
        {
            db.Alerts.Add(new AlertRow { Kind = "Canary", ProfessionalId = TestPrincipals.Physician, Session = "s-1", At = DateTimeOffset.UtcNow, Reasons = "canary", Level = "suspend-account" });
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var body = JsonDocument.Parse(Assert.Single(received)).RootElement;
        Assert.Equal("Canary", body.GetProperty("kind").GetString());
        Assert.Equal(TestPrincipals.Physician, body.GetProperty("professional").GetString());
        await using var check = server.Database.NewContext();
        while (!await check.Alerts.AnyAsync(a => a.DeliveredAt != null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotNull((await check.Alerts.SingleAsync()).DeliveredAt);
    }
}
