using Marketplace.Core.Data;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Outbox;

/// <summary>
/// Runs <see cref="OutboxRelay"/> in a loop for the life of the Workers host: at once while batches come full, else
/// when <see cref="OutboxSignal"/> hears a commit or the poll interval passes.
/// </summary>
public sealed class OutboxRelayService(OutboxRelay relay, OutboxSignal signal, IOptions<OutboxRelayOptions> options, TimeProvider clock, ILogger<OutboxRelayService> logger)
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
                await signal.ListenAsync(stoppingToken);
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
                try
                {
                    // After a failure, wait out the retry delay; else until a commit is heard or the poll interval passes.
                    if (pause == settings.PollInterval) await signal.WaitAsync(pause, stoppingToken);
                    else await Task.Delay(pause, clock, stoppingToken);
                }
                catch (OperationCanceledException) { break; }
            }
        }
    }
}
