using Marketplace.Contracts;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Billing;

/// <summary>
/// Applies a stored Stripe event to its vendor's subscription (decision 0018), acting for that vendor, once (the
/// inbox). Stripe is read again, so the events' order does not matter; should Stripe not answer, the message is
/// retried and the event stays unprocessed until it is applied.
/// </summary>
public sealed class ApplyStripeEventConsumer(MarketplaceDbContext db, StripeGateway stripe, IOptions<BillingOptions> billing, TimeProvider clock)
    : InboxConsumer<StripeEventReceived>(db)
{
    protected override Task HandleAsync(ConsumeContext<StripeEventReceived> context, CancellationToken cancellationToken)
    {
        if (Db.Tenant.OrganisationId != context.Message.OrganisationId)
            throw new InvalidOperationException("A Stripe event must travel acting for its organisation (the webhook enqueues it so).");
        return StripeEvents.ApplyAsync(Db, stripe, billing.Value, context.Message.EventId, clock, cancellationToken);
    }
}

public sealed class ApplyStripeEventConsumerDefinition : ConsumerDefinition<ApplyStripeEventConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<ApplyStripeEventConsumer> consumer, IRegistrationContext context)
    {
        // Immediate retries only (no delayed-message plugin); Stripe being briefly unreachable is the usual failure.
        endpoint.UseMessageRetry(retry => retry.Intervals(200, 1000, 3000, 10000, 30000));
    }
}
