using MassTransit;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Rfps;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Rfps;

/// <summary>
/// Matches a published RFP against every vendor (<see cref="RfpMatcher"/>) and stores the matches with their reasons,
/// and tells the best matches of a public RFP, in the inbox's transaction: a redelivery, or a Worker killed half-way, redoes the whole match, never half of it.
/// </summary>
/// <summary>Section "RfpMatching".</summary>
public sealed class RfpMatchingOptions
{
    /// <summary>How many of a public RFP's best matches are told of it.</summary>
    public int NotifyTop { get; set; } = 20;
}

public sealed class MatchRfpConsumer(MarketplaceDbContext db, TimeProvider clock, IOptions<RfpMatchingOptions> options, ILogger<MatchRfpConsumer> logger)
    : InboxConsumer<RfpPublished>(db)
{
    protected override async Task HandleAsync(ConsumeContext<RfpPublished> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await RfpMatcher.MatchAsync(Db, message.RfpId, message.Version, clock.Today(), clock, options.Value.NotifyTop, cancellationToken);
        logger.LogInformation("RFP {RfpId} version {Version}: evaluated {Evaluated} vendor(s), {Matched} matched, in {Elapsed} ms ({Phases})", message.RfpId, message.Version,
            outcome.Evaluated, outcome.Matched, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome.Phases);
    }
}

public sealed class MatchRfpConsumerDefinition : ConsumerDefinition<MatchRfpConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<MatchRfpConsumer> consumer, IRegistrationContext context)
    {
        // Immediate retries only: Debian's RabbitMQ has no delayed-message plugin for broker-side redelivery.
        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000));
        endpoint.ConcurrentMessageLimit = 2; // a match reads many vendors: a few at a time
    }
}
