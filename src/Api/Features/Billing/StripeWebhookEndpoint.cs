using System.Text;
using Marketplace.Api.Infrastructure;
using Marketplace.Contracts;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Api.Features.Billing;

/// <param name="Outcome">stored (new, to be applied by the Workers), duplicate (a replay: nothing changed) or ignored
/// (a type not handled, or a customer that is not one of ours).</param>
public sealed record StripeWebhookReceipt(bool Received, string Outcome);

/// <summary>
/// Stripe's events (decision 0018). The signature is checked on the raw body with Stripe.net (tolerance 300 s) before
/// anything is read; then the event is stored once by its id, for the organisation whose customer it names, with an
/// outbox message in the same transaction. The Workers apply it. Stripe retries until it gets a 2xx, so a replay
/// answers 200 and changes nothing.
/// </summary>
public static class StripeWebhookEndpoint
{
    /// <summary>Stripe's events are a few kilobytes; anything far larger is not one.</summary>
    public const int MaxBodyBytes = 512 * 1024;
    public const int ToleranceSeconds = 300;

    public static RouteGroupBuilder MapStripeWebhookEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/billing/stripe/webhook", Receive).AllowAnonymous().WithTags("Billing").WithName("ReceiveStripeEvent")
            .Produces<StripeWebhookReceipt>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stripe's events, signed (Stripe-Signature); 400 for a missing, wrong or stale signature; a replayed event answers 200 and changes nothing; 404 when billing is not configured");
        return api;
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Stripe event was refused", detail: detail);

    private static async Task<IResult> Receive(HttpRequest request, MarketplaceDbContext db, IOptions<BillingOptions> options, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Marketplace.Billing.StripeWebhook");
        var billing = options.Value;
        if (!billing.StripeConfigured) return ApiProblems.NotFound("Billing is not configured on this installation.");
        if (request.ContentLength > MaxBodyBytes) return Refused("The body is larger than any Stripe event.");
        var payload = await ReadBoundedAsync(request.Body, cancellationToken);
        if (payload is null) return Refused("The body is larger than any Stripe event.");
        var signature = request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(signature)) return Refused("The Stripe-Signature header is missing.");

        Event stripeEvent;
        try
        {
            // Our parsing reads only ids and the type, so an endpoint on another API version is still understood.
            stripeEvent = EventUtility.ConstructEvent(payload, signature, billing.Stripe.WebhookSecret, ToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            logger.LogWarning("A Stripe event was refused: {Reason}", e.Message);
            return Refused(e.Message); // wrong secret, altered body, or a timestamp outside the tolerance
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return Refused("The body is not a Stripe event.");
        }

        if (!StripeEvents.Handled.Contains(stripeEvent.Type)) return TypedResults.Ok(new StripeWebhookReceipt(true, "ignored"));
        var organisationId = StripeEvents.CustomerOf(stripeEvent) is { } customer
            ? await db.Database.SqlQuery<Guid?>($"SELECT billing_customer_organisation({customer}) AS \"Value\"").SingleAsync(cancellationToken)
            : null;
        if (organisationId is not { } organisation)
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) names no customer of ours; acknowledged and not applied.", stripeEvent.Id, stripeEvent.Type);
            return TypedResults.Ok(new StripeWebhookReceipt(true, "ignored"));
        }

        // From here on the request acts for that organisation: its event row and outbox message are its own.
        db.Tenant.Set(organisation);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var stored = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO stripe_events (id, type, created_at, organisation_id, payload, received_at)
            VALUES ({stripeEvent.Id}, {stripeEvent.Type}, {created}, {organisation}, {payload}::jsonb, {clock.GetUtcNow()})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
        if (stored == 1)
        {
            db.EnqueueMessage(new StripeEventReceived(stripeEvent.Id, organisation, stripeEvent.Type), organisation, clock);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new StripeWebhookReceipt(true, stored == 1 ? "stored" : "duplicate"));
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
