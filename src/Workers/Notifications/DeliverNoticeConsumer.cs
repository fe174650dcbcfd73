using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Mail;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Notifications;

/// <summary>
/// Stores a notice for its organisation (the outbox sent it with the recipient as the acting organisation) and
/// e-mails it in the organisation's language: only the first notice with a key does either, so a redelivery or a
/// second event with the same key tells nobody twice. The e-mail goes out before the commit; should the commit then
/// fail, the redelivery sends it again (at least once), never zero times.
/// </summary>
public sealed class DeliverNoticeConsumer(MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site) : InboxConsumer<OrganisationNotice>(db)
{
    protected override async Task HandleAsync(ConsumeContext<OrganisationNotice> context, CancellationToken cancellationToken)
    {
        var notice = context.Message;
        if (Db.Tenant.OrganisationId != notice.OrganisationId)
            throw new InvalidOperationException("A notice must travel acting for its recipient (Notices.Send does so).");
        var organisation = await Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == notice.OrganisationId, cancellationToken);
        if (organisation is null) return; // closed since
        if (!await Notices.ConditionHoldsAsync(Db, notice, cancellationToken)) return; // e.g. a reminder to submit, already submitted
        if (!await Notices.StoreAsync(Db, notice, cancellationToken)) return;
        var (subject, body) = NoticeEmails.Render(notice.Type, organisation.PreferredLanguage, organisation.Name, notice.Data, site.Value.PublicUrl);
        await mail.SendAsync(new EmailMessage(organisation.ContactEmail, organisation.Name, subject, body), cancellationToken);
    }
}

public sealed class DeliverNoticeConsumerDefinition : ConsumerDefinition<DeliverNoticeConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<DeliverNoticeConsumer> consumer, IRegistrationContext context)
    {
        // Immediate retries only: Debian's RabbitMQ has no delayed-message plugin for broker-side redelivery.
        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000, 5000));
        // A notice waits on I/O (a row, an SMTP send), and a match tells its best 20 at once: ten at a time.
        endpoint.PrefetchCount = 20;
        endpoint.ConcurrentMessageLimit = 10;
    }
}
