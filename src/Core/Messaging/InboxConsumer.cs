using System.Diagnostics.Metrics;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Messaging;

/// <summary>
/// Base for consumers with side effects in the database. The message id is recorded in the inbox in the same
/// transaction as the side effect, so a redelivered or republished message changes nothing twice.
/// </summary>
public abstract class InboxConsumer<TMessage>(MarketplaceDbContext db) : IConsumer<TMessage>
    where TMessage : class
{
    protected MarketplaceDbContext Db { get; } = db;

    /// <summary>Stored with each handled message id; one name per consumer class, stable across renames of the file.</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var cancellationToken = context.CancellationToken;

        // The organisation travels in a header (set by the outbox relay); set it before the connection opens, so
        // row-level security and the query filter apply to everything this consumer does.
        if (context.Headers.Get<string>(MarketplaceHeaders.OrganisationId) is { } organisationHeader)
            Db.Tenant.Set(Guid.TryParse(organisationHeader, out var organisationId)
                ? organisationId
                : throw new InvalidOperationException($"{MarketplaceHeaders.OrganisationId} is not an organisation id: '{organisationHeader}'."));

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        // Two deliveries racing: the second INSERT waits for the first transaction, then inserts nothing.
        var claimed = await Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {ConsumerName}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 0)
        {
            InboxMetrics.DuplicatesSkipped.Add(1, new KeyValuePair<string, object?>("consumer", ConsumerName));
            return;
        }

        await HandleAsync(context, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        InboxMetrics.Handled.Add(1, new KeyValuePair<string, object?>("consumer", ConsumerName));
    }

    /// <summary>The side effect. Add or change entities on <see cref="Db"/>; the base saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}

public static class InboxMetrics
{
    public const string MeterName = "Marketplace.Messaging";
    private static readonly Meter Meter = new(MeterName);
    public static readonly Counter<long> Handled = Meter.CreateCounter<long>("marketplace.inbox.handled", description: "Messages handled by an inbox consumer.");
    public static readonly Counter<long> DuplicatesSkipped = Meter.CreateCounter<long>("marketplace.inbox.duplicates_skipped", description: "Redelivered messages an inbox consumer had already handled.");
}
