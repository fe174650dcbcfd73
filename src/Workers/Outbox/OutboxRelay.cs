using System.Text.Json;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Outbox;

/// <summary>
/// Publishes pending outbox rows. One call claims a batch with <c>FOR UPDATE SKIP LOCKED</c> (so several relays,
/// in several Workers, never publish the same row at the same time), publishes each row with its id as the
/// MessageId, and marks the published ones sent in the same transaction that held the claim.
/// A relay that dies after publishing but before committing leaves its rows pending: they are published again
/// and the consumers' inbox drops the second copy. Delivery is at least once; effects are exactly once.
/// </summary>
public class OutboxRelay(
    IServiceScopeFactory scopes,
    IBus publisher,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    public sealed record BatchResult(int Published, int Unpublishable, bool PublishFailed, bool BatchWasFull);

    public async Task<BatchResult> RelayBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND failed_at IS NULL
                ORDER BY created_at
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        int published = 0, unpublishable = 0;
        var publishFailed = false;
        foreach (var row in batch)
        {
            if (!TryReadMessage(row, out var message, out var messageType, out var problem))
            {
                row.MarkUnpublishable(problem, clock.GetDatabaseNow());
                logger.LogError("Outbox row {OutboxId} can never be published: {Problem}", row.Id, problem);
                unpublishable++;
                continue;
            }
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.PublishTimeout);
                await publisher.Publish(message, messageType, context =>
                {
                    context.MessageId = row.Id;
                    if (row.OrganisationId is { } organisationId)
                        context.Headers.Set(MarketplaceHeaders.OrganisationId, organisationId.ToString());
                }, timeout.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Broker down or too slow: keep this row and the rest of the batch for the next round, in order.
                row.RecordFailedAttempt(e.Message);
                OutboxMetrics.PublishFailures.Add(1);
                logger.LogWarning(e, "Publishing outbox row {OutboxId} failed; it stays pending", row.Id);
                publishFailed = true;
                break;
            }
            row.MarkSent(clock.GetDatabaseNow());
            published++;
        }

        await BeforeCommitAsync(batch, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (published > 0)
            OutboxMetrics.Published.Add(published);
        return new BatchResult(published, unpublishable, publishFailed, batch.Count == settings.BatchSize);
    }

    /// <summary>
    /// The point between publishing and marking sent. It does nothing here; tests override it to kill the relay
    /// at the worst moment and prove that the inbox absorbs the second publication.
    /// </summary>
    protected virtual Task BeforeCommitAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool TryReadMessage(OutboxMessage row, out object message, out Type messageType, out string problem)
    {
        message = null!;
        problem = "";
        if (!MessageTypes.TryResolve(row.MessageType, out messageType))
        {
            problem = $"Unknown message type '{row.MessageType}'.";
            return false;
        }
        try
        {
            message = JsonSerializer.Deserialize(row.Payload, messageType, MessageTypes.Json)
                      ?? throw new JsonException("The payload is null.");
            return true;
        }
        catch (JsonException e)
        {
            problem = $"Unreadable payload for {row.MessageType}: {e.Message}";
            return false;
        }
    }
}
