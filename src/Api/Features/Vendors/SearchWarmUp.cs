using Marketplace.Core.Vendors;

namespace Marketplace.Api.Features.Vendors;

/// <summary>
/// Loads the search engine's copy of the vendors when the Api starts (about 3 s for 100,000 vendors), instead of
/// making the first search wait. If the database is not there yet, the first search loads it.
/// </summary>
public sealed class SearchWarmUp(VendorSearchEngine engine, ILogger<SearchWarmUp> logger) : BackgroundService
{
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
    }
}
