using Marketplace.Core.Rfps;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Rfps;

/// <summary>Section "RfpClosing".</summary>
public sealed class RfpClosingOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>How often to look for RFPs past their proposal deadline (an RFP closes at most this late).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long before the proposal deadline the participants are reminded.</summary>
    public TimeSpan ReminderWindow { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Closes RFPs at their proposal deadline (<see cref="RfpClosing.CloseDueAsync"/>) and reminds participants a day
/// before (<see cref="RfpClosing.RemindDueAsync"/>); safe with any number of Workers.
/// </summary>
public sealed class RfpClosingService(IServiceScopeFactory scopes, IOptions<RfpClosingOptions> options, TimeProvider clock, ILogger<RfpClosingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var closed = await RfpClosing.CloseDueAsync(scopes, clock, stoppingToken);
                if (closed > 0) logger.LogInformation("Closed {Count} RFP(s) at their proposal deadline", closed);
                var reminded = await RfpClosing.RemindDueAsync(scopes, clock, options.Value.ReminderWindow, stoppingToken);
                if (reminded > 0) logger.LogInformation("Reminded the participants of {Count} RFP(s) that close within {Window}", reminded, options.Value.ReminderWindow);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Closing RFPs failed; it runs again at the next interval");
            }
            await Task.Delay(options.Value.Interval, clock, stoppingToken);
        }
    }
}
