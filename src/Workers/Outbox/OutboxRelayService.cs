using Marketplace.Core.Data;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Outbox;

/// <summary>Runs <see cref="OutboxRelay"/> in a loop for the life of the Workers host.</summary>
public sealed class OutboxRelayService(OutboxRelay relay, IOptions<OutboxRelayOptions> options, TimeProvider clock, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Outbox relay started (batch {BatchSize}, poll {PollInterval})", settings.BatchSize, settings.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var result = await relay.RelayBatchAsync(stoppingToken);
                pause = result.PublishFailed ? settings.RetryDelay
                    : result.BatchWasFull ? TimeSpan.Zero
                    : settings.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Database down, most likely; the rows are safe where they are.
                if (DataExtensions.IsDatabaseUnavailable(e))
                    logger.LogWarning("Outbox relay cannot reach the database: {Message}", e.Message);
                else
                    logger.LogError(e, "Outbox relay round failed");
                pause = settings.RetryDelay;
            }
            if (pause > TimeSpan.Zero)
            {
                try { await Task.Delay(pause, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }
}
