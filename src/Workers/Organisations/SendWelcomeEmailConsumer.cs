using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Mail;
using Marketplace.Core.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Organisations;

/// <summary>
/// Sends the welcome e-mail to a new organisation's contact address, in its language. A consumer of its own, so
/// the e-mail and the in-app notification succeed or retry independently. The address is read from the database,
/// not carried in the message, so no personal data travels through the broker.
/// </summary>
public sealed class SendWelcomeEmailConsumer(MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site)
    : InboxConsumer<OrganisationRegistered>(db)
{
    protected override async Task HandleAsync(ConsumeContext<OrganisationRegistered> context, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == context.Message.OrganisationId, cancellationToken);
        if (organisation is null) return; // removed since: nobody to welcome

        var (subject, body) = EmailTemplates.Welcome(organisation.PreferredLanguage, organisation.Name,
            organisation.Kind == Core.Organisations.OrganisationKind.Vendor, site.Value.PublicUrl);
        // Sent inside the inbox transaction: if the commit then fails, the retry sends again (at least once).
        await mail.SendAsync(new EmailMessage(organisation.ContactEmail, organisation.Name, subject, body), cancellationToken);
    }
}

public sealed class SendWelcomeEmailConsumerDefinition : ConsumerDefinition<SendWelcomeEmailConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<SendWelcomeEmailConsumer> consumer, IRegistrationContext context)
    {
        // An SMTP server that is down for a moment should not lose the mail: retries spread over half a minute.
        endpoint.UseMessageRetry(retry => retry.Intervals(500, 2000, 5000, 10000, 15000));
        endpoint.ConcurrentMessageLimit = 4;
    }
}

/// <summary>The same retry policy as the welcome mail: SMTP blips must not lose a notice.</summary>
public sealed class SendCertificationExpiryEmailConsumerDefinition : ConsumerDefinition<Vendors.SendCertificationExpiryEmailConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<Vendors.SendCertificationExpiryEmailConsumer> consumer, IRegistrationContext context)
    {
        endpoint.UseMessageRetry(retry => retry.Intervals(500, 2000, 5000, 10000, 15000));
        endpoint.ConcurrentMessageLimit = 4;
    }
}
