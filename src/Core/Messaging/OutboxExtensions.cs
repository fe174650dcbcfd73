using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;

namespace Marketplace.Core.Messaging;

public static class OutboxExtensions
{
    /// <summary>
    /// Adds a message to the outbox. It is written by the next <c>SaveChanges</c>, in the same transaction as the
    /// rest of the change, and published afterwards by the relay in Workers.
    /// </summary>
    public static OutboxMessage EnqueueMessage<TMessage>(this MarketplaceDbContext db, TMessage message, Guid? organisationId, TimeProvider clock)
        where TMessage : class
    {
        if (!MessageTypes.TryResolve(MessageTypes.NameOf(typeof(TMessage)), out _))
            throw new ArgumentException($"{typeof(TMessage)} is not a message contract of Marketplace.Contracts.", nameof(message));

        var row = new OutboxMessage(
            MessageTypes.NameOf(typeof(TMessage)),
            JsonSerializer.Serialize(message, MessageTypes.Json),
            organisationId,
            clock.GetDatabaseNow());
        db.OutboxMessages.Add(row);
        return row;
    }
}
