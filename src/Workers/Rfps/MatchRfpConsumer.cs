using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Rfps;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Rfps;

/// <summary>Section "RfpMatching".</summary>
public sealed class RfpMatchingOptions
{
    /// <summary>How many of a public RFP's best matches are told of it.</summary>
    public int NotifyTop { get; set; } = 20;
}

/// <summary>
/// Matches a published RFP against every vendor (<see cref="RfpMatcher"/>): stores the best matches with their reasons
/// and tells them (a public RFP), in the inbox's transaction: a redelivery, or a Worker killed half-way, redoes that
/// part whole, never half of it. The rest of the matches follow through <see cref="StoreRemainingMatchesConsumer"/>.
/// </summary>
public sealed class MatchRfpConsumer(MarketplaceDbContext db, TimeProvider clock, IOptions<RfpMatchingOptions> options, ILogger<MatchRfpConsumer> logger)
    : InboxConsumer<RfpPublished>(db)
{
    protected override async Task HandleAsync(ConsumeContext<RfpPublished> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await RfpMatcher.MatchAsync(Db, message.RfpId, message.Version, clock.Today(), clock, options.Value.NotifyTop, cancellationToken);
        MatchLog.Write(logger, "best", message.RfpId, message.Version, outcome, started);
    }
}

/// <summary>Stores the matches below the best ones, once those are committed and told (<see cref="RfpMatchesRemaining"/>).</summary>
public sealed class StoreRemainingMatchesConsumer(MarketplaceDbContext db, TimeProvider clock, ILogger<StoreRemainingMatchesConsumer> logger)
    : InboxConsumer<RfpMatchesRemaining>(db)
{
    protected override async Task HandleAsync(ConsumeContext<RfpMatchesRemaining> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await RfpMatcher.StoreRemainingAsync(Db, message.RfpId, message.Version, clock.Today(), clock, cancellationToken);
        MatchLog.Write(logger, "rest", message.RfpId, message.Version, outcome, started);
    }
}

internal static class MatchLog
{
    /// <param name="part">"best" (the first part, with the notices) or "rest".</param>
    public static void Write(ILogger logger, string part, Guid rfpId, int version, MatchOutcome outcome, long started) =>
        logger.LogInformation("RFP {RfpId} version {Version} ({Part}): evaluated {Evaluated} vendor(s), {Matched} matched, {Stored} stored, in {Elapsed} ms ({Phases})",
            rfpId, version, part, outcome.Evaluated, outcome.Matched, outcome.Stored, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome.Phases);
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

public sealed class StoreRemainingMatchesConsumerDefinition : ConsumerDefinition<StoreRemainingMatchesConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<StoreRemainingMatchesConsumer> consumer, IRegistrationContext context)
    {
        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000));
        endpoint.ConcurrentMessageLimit = 1; // bulk writes, off the path of the notices: one at a time leaves the CPU to the first parts
    }
}
