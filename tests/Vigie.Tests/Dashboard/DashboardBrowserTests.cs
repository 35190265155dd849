using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vigie.Core.Notices;
using Vigie.Storage.Detection;
using Vigie.Tests.Portal;
using Vigie.Tests.Support;

namespace Vigie.Tests.Dashboard;

/// <summary>
/// The dashboard in a real Chromium (Debian's, through Playwright; no browser is downloaded), against a real server:
/// an officer signs in, sees the alert of an account that read a canary, releases the account, opens the incident
/// and downloads its report, then checks a genuine and a fake message reference on the public portal. One test
/// walks all the steps: Chromium is heavy on a 2-core machine.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string CanarySearch = "/fhir/Patient?family:exact=VASSEUR&birthdate=1948-07-21";

    private static readonly string Screenshot = Path.Combine(RepositoryRoot(), "docs", "images", "dashboard.png");

    [Fact]
    public async Task Officer_SeesTheAttack_ReleasesTheAccount_DownloadsTheReport_AndChecksReferences()
    {
        var chromium = ChromiumOrSkip();
        await using var server = await VigieTestServer.StartAsync();
        var (genuine, fake, incident) = await StageAttackAsync(server);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            Timeout = 60_000,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Client.BaseAddress!.ToString(), AcceptDownloads = true, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };

        // 1. Sign in: the dashboard sends the browser to the sign-in page and back.
        await page.GotoAsync("/tableau-de-bord");
        Assert.StartsWith("/idp/signin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = TestPrincipals.Officer + " (officier de sécurité)" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord de sécurité" }).WaitForAsync();

        // Keyboard: the first Tab reaches the skip link.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await page.EvaluateAsync<string>("document.activeElement.textContent"));

        // 2. The attack's alert, live.
        await page.GetByRole(AriaRole.Link, new() { Name = "Alertes", Exact = true }).ClickAsync();
        var alert = page.Locator("#alertes-lignes tr", new() { HasText = "Patient sentinelle consulté" }).Filter(new() { HasText = TestPrincipals.Physician });
        await alert.First.WaitForAsync();

        // Live: the page's script (same-origin, allowed by the CSP) shows a new alert without a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mettre en pause l'actualisation" }).WaitForAsync();
        await server.SendAsync<Resource>(HttpMethod.Get, CanarySearch, server.Tokens.Admission);
        await page.Locator("#alertes-lignes tr", new() { HasText = TestPrincipals.Admission }).First.WaitForAsync();

        // 3. The account: suspended by the canary; released from its page.
        await alert.First.GetByRole(AriaRole.Link, new() { Name = TestPrincipals.Physician }).ClickAsync();
        await page.GetByText("compte suspendu").First.WaitForAsync();
        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lever la suspension" }).ClickAsync();
        await page.GetByText("La suspension est levée.").WaitForAsync();
        await using (var db = server.Database.NewContext())
        {
            Assert.False(await db.Containments.AnyAsync(c => c.ProfessionalId == TestPrincipals.Physician && c.ReleasedAt == null));
        }

        // 4. The incident and its report.
        await page.GetByRole(AriaRole.Link, new() { Name = "Incidents", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = incident }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Déclarations" }).WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le rapport (HTML)" }).ClickAsync());
        var report = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("<html", report, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(incident, report, StringComparison.Ordinal);
        Assert.Contains("PETIT", report, StringComparison.OrdinalIgnoreCase); // One of the harvested people, by name.

        // 5. The public portal: a genuine reference, then a fake one.
        await page.GetByRole(AriaRole.Link, new() { Name = "Portail : vérifier un message" }).ClickAsync();
        await page.GetByLabel("Référence du message").FillAsync(genuine);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ce message est authentique" }).WaitForAsync();
        await page.GotoAsync("/verifier");
        await page.GetByLabel("Référence du message").FillAsync(fake);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nous n'avons envoyé aucun message avec cette référence" }).WaitForAsync();

        Assert.Empty(blocked);

        // Only a run that passed every step refreshes the README's picture.
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
        await File.WriteAllBytesAsync(Screenshot, screenshot);
    }

    /// <summary>A canary read by the physician (contained at once, alert), an incident on that account, and a sent notice.</summary>
    private static async Task<(string Genuine, string Fake, string Incident)> StageAttackAsync(VigieTestServer server)
    {
        var (_, canary) = await server.CreateAsync(Patients.Make("CANARY-B", family: "Vasseur", given: ["Odette"], birthDate: "1948-07-21", gender: AdministrativeGender.Female));
        await using (var db = server.Database.NewContext())
        {
            db.Canaries.Add(new CanaryRow { IdentityId = canary!.Id!, Finess = VigieTestServer.Finess, PlantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        // The usurped account first harvests a few identities, then hits the canary.
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        (string Family, string Given, string Born)[] harvested = [("Martin", "Louise", "1975-04-12"), ("Bernard", "Paul", "1982-11-03"), ("Thomas", "Jeanne", "1969-02-27"), ("Petit", "Marcel", "1990-08-19")];
        foreach (var (family, given, born) in harvested)
        {
            await server.CreateAsync(Patients.Make("H-" + family, family: family, given: [given], birthDate: born));
            var (read, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family:exact=" + family.ToUpperInvariant() + "&birthdate=" + born, server.Tokens.Physician);
            Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
            Assert.Single(bundle!.Entry);
        }

        await server.SendAsync<Resource>(HttpMethod.Get, CanarySearch, server.Tokens.Physician);

        var opened = await server.As(server.Tokens.Officer).PostAsJsonAsync("/admin/incidents", new
        {
            title = "Usurpation du compte d'un médecin",
            from,
            to = DateTimeOffset.UtcNow.AddMinutes(5),
            accounts = new[] { TestPrincipals.Physician },
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var incident = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;

        var genuine = await PortalFixture.NotifyAsync(server, canary.Id!, NoticeChannel.Email, "…nt@");
        var fake = VerificationReference.Generate(new Random(99).NextBytes);
        return (genuine.ToString(), fake.ToString(), incident);
    }

    /// <summary>Debian's chromium (VIGIE_TEST_CHROMIUM, else /usr/bin/chromium); skipped when absent, failed under CI=true.</summary>
    private static string ChromiumOrSkip()
    {
        var path = Environment.GetEnvironmentVariable("VIGIE_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }

        var reason = $"browser tests need Debian's chromium at {path} (apt-get install chromium, or set VIGIE_TEST_CHROMIUM); .ci/run installs it";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true but " + reason);
        }

        Assert.Skip(reason);
        return path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vigie.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Vigie.slnx not found above " + AppContext.BaseDirectory);
    }
}
