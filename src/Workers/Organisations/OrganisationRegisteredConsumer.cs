using System.Text.Json;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using MassTransit;

namespace Marketplace.Workers.Organisations;

/// <summary>Welcomes a newly registered organisation with an in-app notification.</summary>
public sealed class OrganisationRegisteredConsumer(MarketplaceDbContext db, TimeProvider clock)
    : InboxConsumer<OrganisationRegistered>(db)
{
    protected override Task HandleAsync(ConsumeContext<OrganisationRegistered> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var data = JsonSerializer.Serialize(new { organisationName = message.Name, kind = message.Kind }, MessageTypes.Json);
        Db.Notifications.Add(new Notification(message.OrganisationId, NotificationTypes.Welcome, data, clock.GetDatabaseNow()));
        return Task.CompletedTask;
    }
}

public sealed class OrganisationRegisteredConsumerDefinition : ConsumerDefinition<OrganisationRegisteredConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<OrganisationRegisteredConsumer> consumer, IRegistrationContext context)
    {
        // Immediate retries only: Debian's RabbitMQ has no delayed-message plugin for broker-side redelivery.
        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000));
        endpoint.ConcurrentMessageLimit = 8;
    }
}
