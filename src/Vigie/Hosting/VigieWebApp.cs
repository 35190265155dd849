using Microsoft.AspNetCore.Diagnostics;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Dashboard;
using Vigie.Detection;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Notices;
using Vigie.Portal;
using Vigie.Incidents;
using Vigie.Registry;
using Vigie.Storage;

namespace Vigie.Hosting;

/// <summary>Builds the ASP.NET Core application: the same for `vigie serve`, the tests and the benchmarks.</summary>
internal static class VigieWebApp
{
    /// <param name="settings">Resolved settings.</param>
    /// <param name="configureServices">Test and benchmark hook, e.g. to replace the clock.</param>
    public static WebApplication Create(VigieSettings settings, Action<IServiceCollection>? configureServices = null)
    {
        settings = settings with { Auth = AccessPolicyFile.Apply(settings.Auth, settings.DataDirectory) };
        var builtIn = settings.Auth.BuiltInProvider;
        if (builtIn)
        {
            BuiltInProvider.CheckListeningAddresses(settings);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // The largest body any endpoint accepts; each endpoint then applies its own, smaller limit.
            k.Limits.MaxRequestBodySize = settings.MaxBatchBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();

        // Framework request logs carry URLs, and PDQm query strings carry names and birth dates: identity data
        // never goes to logs, so the framework's own categories only log warnings (which carry no URL).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Auth);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextPool<VigieDbContext>(o => StorageSetup.Configure(o, settings));
        services.AddRegistry();
        services.AddHttpClient();
        services.AddJournal(settings);
        services.AddHostedService<AlertDispatcher>();
        services.AddLiveDetection(settings);
        services.AddSingleton(settings.Portal);
        services.AddSingleton(_ => NoticeKeys.LoadOrCreate(settings.DataDirectory));
        services.AddPortalRateLimiting(settings.Portal);
        services.AddIncidents(settings);
        var keys = builtIn ? SigningKeys.LoadOrCreate(settings.DataDirectory) : null;
        services.AddVigieBearer(settings.Auth, builtIn ? BuiltInProvider.IssuerOf(settings) : null, keys);
        if (keys is not null)
        {
            BuiltInProvider.Add(services, settings, keys);
        }

        services.AddProblemDetails();
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(WriteUnexpectedErrorAsync));
        app.UseStatusCodePages(StatusCodeOutcomes.WriteAsync);
        app.UseMiddleware<RequestContextMiddleware>();
        app.UseRateLimiter(); // After the request context: the portal's limits are per client IP.
        app.UseAuthentication();
        app.UseAuthorization();
        var sightings = app.Services.GetRequiredService<SessionSightings>();
        app.Use(async (http, next) =>
        {
            await sightings.ObserveAsync(http).ConfigureAwait(false);
            await next(http).ConfigureAwait(false);
        });
        app.Use((http, next) => ContainmentGate.InvokeAsync(http, () => next(http)));
        app.MapFhirEndpoints();
        app.MapAdminEndpoints();
        app.MapAccessReviewEndpoints();
        app.MapAuditEventEndpoints();
        app.MapContainmentEndpoints();
        app.MapNoticeAdminEndpoints();
        app.MapPortal();
        app.MapIncidentEndpoints();
        app.MapCanaryEndpoints();
        if (builtIn)
        {
            app.MapBuiltInProvider();
            app.MapDashboard(); // Signed in through the built-in provider's cookie (docs/decisions/0011-dashboard.md).
            LogMessages.BuiltInProviderStarted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vigie.Auth"), BuiltInProvider.IssuerOf(settings));
        }

        return app;
    }

    /// <summary>
    /// Last resort: a bug or an outage. Oversized bodies that Kestrel itself refuses come here as
    /// BadHttpRequestException and keep their 4xx status; everything else is a 500 without details.
    /// </summary>
    private static async Task WriteUnexpectedErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is JournalUnavailableException)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        var result = error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Outcomes.TooLarge(context.RequestServices.GetRequiredService<VigieSettings>().MaxBatchBodyBytes),
            JournalUnavailableException => Outcomes.Error(StatusCodes.Status503ServiceUnavailable, Hl7.Fhir.Model.OperationOutcome.IssueType.Transient, "the access journal is unavailable; no data was sent, retry later", null),
            BadHttpRequestException bad => Outcomes.Error(bad.StatusCode, Hl7.Fhir.Model.OperationOutcome.IssueType.Invalid, "the request is malformed", null),
            OperationCanceledException => Outcomes.Error(StatusCodes.Status499ClientClosedRequest, Hl7.Fhir.Model.OperationOutcome.IssueType.Incomplete, "the request was cancelled", null),
            _ => Outcomes.Error(StatusCodes.Status500InternalServerError, Hl7.Fhir.Model.OperationOutcome.IssueType.Exception, "internal error; the request id is in the server log", null),
        };
        if (result.StatusCode >= 500)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Vigie.Errors");
            LogMessages.UnexpectedError(logger, context.TraceIdentifier, error?.GetType().Name ?? "unknown");
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }
}
