using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Core.Billing;

/// <summary>
/// A Stripe event whose signature was verified, stored once by its id (a replay inserts nothing) for the vendor
/// organisation whose customer it concerns. The Workers apply it (<see cref="StripeEvents.ApplyAsync"/>).
/// </summary>
public sealed class StripeEventRecord : Tenancy.ITenantOwned
{
    private StripeEventRecord() { }

    public StripeEventRecord(string id, string type, DateTimeOffset createdAt, Guid organisationId, string payload, DateTimeOffset receivedAt)
    {
        (Id, Type, CreatedAt, OrganisationId, Payload, ReceivedAt) = (id, type, createdAt, organisationId, payload, receivedAt);
    }

    /// <summary>Stripe's event id (evt_…).</summary>
    public string Id { get; private set; } = "";
    public string Type { get; private set; } = "";
    /// <summary>When Stripe created the event.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>The event as Stripe sent it (the signed body).</summary>
    public string Payload { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

/// <summary>
/// The Stripe events the product handles, and how each one moves a vendor's subscription (decision 0018). Every
/// event names a subscription; the subscription is read again from Stripe and its current state is applied. Events
/// in any order (Stripe does not promise one) therefore end in the state Stripe holds: a late, older event re-reads
/// the same current state.
/// </summary>
public static class StripeEvents
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string SubscriptionCreated = "customer.subscription.created";
    public const string SubscriptionUpdated = "customer.subscription.updated";
    public const string SubscriptionDeleted = "customer.subscription.deleted";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentFailed = "invoice.payment_failed";

    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        CheckoutCompleted, SubscriptionCreated, SubscriptionUpdated, SubscriptionDeleted, InvoicePaid, InvoicePaymentFailed,
    };

    /// <summary>The customer the event's object belongs to (the organisation is found by it).</summary>
    public static string? CustomerOf(Event stripeEvent) => stripeEvent.Data.Object switch
    {
        Stripe.Checkout.Session session => session.CustomerId,
        Subscription subscription => subscription.CustomerId,
        Invoice invoice => invoice.CustomerId,
        _ => null,
    };

    /// <summary>The subscription the event concerns; null for a one-off payment (nothing to apply).</summary>
    public static string? SubscriptionOf(Event stripeEvent) => stripeEvent.Data.Object switch
    {
        Stripe.Checkout.Session session => session.SubscriptionId,
        Subscription subscription => subscription.Id,
        Invoice invoice => invoice.Parent?.SubscriptionDetails?.SubscriptionId,
        _ => null,
    };

    /// <summary>
    /// Applies a stored event once (the context acts for its organisation; the caller saves). Reads the subscription
    /// from Stripe: a deleted subscription Stripe no longer returns is taken as cancelled.
    /// </summary>
    public static async Task ApplyAsync(MarketplaceDbContext db, StripeGateway stripe, BillingOptions billing, string eventId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var record = await db.StripeEvents.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (record is null || record.ProcessedAt is not null) return;
        var stripeEvent = EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false);
        if (SubscriptionOf(stripeEvent) is { } subscriptionId)
        {
            // Stamped with when the read began: a read that began later sees at least as new a state, whichever commits first.
            var readAt = clock.GetUtcNow();
            var state = await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken)
                ?? (stripeEvent.Data.Object is Subscription gone ? StripeGateway.StateOf(gone) with { Status = "canceled" } : null);
            if (state is not null) await ApplyStateAsync(db, billing, record.OrganisationId, state, readAt, clock, cancellationToken);
        }
        record.ProcessedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// Takes Stripe's state of the subscription as read at <paramref name="readAt"/> (so a slower worker's older read
    /// never overwrites a newer one), tells the owners once when it falls past due, and sets the featured badge.
    /// </summary>
    public static async Task ApplyStateAsync(MarketplaceDbContext db, BillingOptions billing, Guid organisationId, StripeSubscriptionState state,
        DateTimeOffset readAt, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // One worker at a time per vendor: the row is locked until the consumer commits.
        var subscription = await db.VendorSubscriptions
            .FromSql($"SELECT * FROM vendor_subscriptions WHERE organisation_id = {organisationId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (subscription is null)
            db.VendorSubscriptions.Add(subscription = new VendorSubscription(organisationId, state.CustomerId, now));
        else if (subscription.StripeCustomerId != state.CustomerId)
            return; // another customer's subscription: not this organisation's to apply
        var wasPastDue = subscription.Status == "past_due";
        if (!subscription.Apply(state.Id, billing.PlanOfPrice(state.PriceId), state.Status, state.CurrentPeriodEnd, readAt, now)) return;

        var entitlement = Entitlements.Of(subscription, billing, now);
        if (subscription.Status == "past_due" && !wasPastDue && entitlement.GraceUntil is { } graceUntil)
        {
            var plan = billing.Plans[subscription.Plan];
            Notices.Send(db, organisationId, NotificationTypes.BillingPastDue,
                $"{NotificationTypes.BillingPastDue}:{state.Id}:{subscription.PastDueSince!.Value.ToUnixTimeSeconds()}",
                new Dictionary<string, string>
                {
                    ["planJa"] = plan.NameJa, ["planEn"] = plan.NameEn,
                    ["graceUntil"] = graceUntil.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }, clock);
        }

        // The badge lasts as long as the entitlement would without another event: the paid period (a day's slack for
        // the renewal's events), or the grace period.
        var entry = await db.VendorSearchEntries.FirstOrDefaultAsync(e => e.OrganisationId == organisationId, cancellationToken);
        if (entry is not null)
            entry.FeaturedUntil = entitlement.Options.FeaturedBadge && entitlement.Plan != BillingOptions.FreePlan
                ? entitlement.GraceUntil ?? subscription.CurrentPeriodEnd?.AddDays(1)
                : null;
    }
}
