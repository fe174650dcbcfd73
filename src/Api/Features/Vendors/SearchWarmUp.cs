using Marketplace.Core.Vendors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Api.Features.Vendors;

/// <summary>
/// Loads the search engine's copy of the vendors when the Api starts (about 6 s for 100,000 vendors), instead of
/// making the first search wait; until then the readiness check says so, so that a load balancer sends searches to a
/// replica that has its copy. If the database is not there yet, the first search loads it.
/// </summary>
public sealed class SearchWarmUp(VendorSearchEngine engine, ILogger<SearchWarmUp> logger) : BackgroundService, IHealthCheck
{
    private volatile bool done;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await engine.WarmUpAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The search engine could not load at start; the first search will load it");
        }
        finally
        {
            done = true;
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("loading the search engine's copy of the vendors"));
}
