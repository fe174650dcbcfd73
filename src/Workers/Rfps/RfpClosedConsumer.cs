using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Workers.Rfps;

/// <summary>Tells the client organisation, in the app and by e-mail, that an RFP's proposals closed (once, through the inbox).</summary>
public sealed class RfpClosedConsumer(MarketplaceDbContext db, TimeProvider clock) : InboxConsumer<RfpClosed>(db)
{
    protected override async Task HandleAsync(ConsumeContext<RfpClosed> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        // The content is one converted jsonb value: read it whole (EF cannot reach inside it).
        var rfp = await Db.Rfps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == message.RfpId, cancellationToken);
        if (rfp is null) return; // deleted since
        Notices.Send(Db, message.OrganisationId, NotificationTypes.RfpClosed, $"{NotificationTypes.RfpClosed}:{message.RfpId}",
            new Dictionary<string, string> { ["rfpId"] = message.RfpId.ToString(), ["title"] = rfp.Content.Title }, clock);
    }
}

public sealed class RfpClosedConsumerDefinition : ConsumerDefinition<RfpClosedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RfpClosedConsumer> consumer, IRegistrationContext context)
    {
        // Immediate retries only: Debian's RabbitMQ has no delayed-message plugin for broker-side redelivery.
        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000));
    }
}
