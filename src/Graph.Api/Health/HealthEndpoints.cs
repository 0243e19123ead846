using Graph.Core.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Api.Health;

/// <summary>
/// The probes a container platform asks: <c>/health/live</c> (the process answers HTTP; no store call, so a slow store
/// never gets the process restarted) and <c>/health/ready</c> (200 only when the store answers; 503 with a JSON body
/// naming the failed check otherwise, so a load balancer stops sending traffic). <c>/health</c> stays as the ready probe.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Registers the readiness check over the registered store, unless the composition registered its own.</summary>
    public static IServiceCollection AddStoreReadiness(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new StoreReadiness(provider.GetRequiredService<IGraphStore>(), StoreReadiness.DefaultTimeout));
        return services;
    }

    /// <summary>Maps /health/live, /health/ready and /health.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "live" })).WithDisplayName("Liveness");
        app.MapGet("/health/ready", ReadyAsync).WithDisplayName("Readiness");
        app.MapGet("/health", ReadyAsync).WithDisplayName("Health");
        return app;
    }

    private static async Task<IResult> ReadyAsync(StoreReadiness readiness, HttpContext http)
    {
        var report = await readiness.CheckAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return report.Ready
            ? Results.Json(new { status = "ready", store = report.Store, elapsedMs = report.ElapsedMs })
            : Results.Json(new { status = "unavailable", store = report.Store, failedCheck = report.FailedCheck, error = report.Error, elapsedMs = report.ElapsedMs }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
