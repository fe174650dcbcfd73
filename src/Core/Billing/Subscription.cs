using Marketplace.Core.Data;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Billing;

/// <summary>
/// A vendor organisation's Stripe subscription as the platform last learned it (from Stripe's events, in whatever order
/// they came: each change carries the time Stripe stamped it, and an older one never overwrites a newer one). No row:
/// the vendor is on Free.
/// </summary>
public sealed class VendorSubscription : ITenantOwned
{
    private VendorSubscription() { }

    public VendorSubscription(Guid organisationId, string stripeCustomerId, DateTimeOffset now)
    {
        OrganisationId = organisationId;
        StripeCustomerId = stripeCustomerId;
        UpdatedAt = now;
    }

    public Guid OrganisationId { get; private set; }
    /// <summary>The organisation's Stripe customer, created once and kept.</summary>
    public string StripeCustomerId { get; private set; } = "";
    public string? StripeSubscriptionId { get; private set; }
    /// <summary>A key of <see cref="BillingOptions.Plans"/>: the plan the subscription's price is.</summary>
    public string Plan { get; private set; } = BillingOptions.FreePlan;
    /// <summary>Stripe's subscription status: active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused.</summary>
    public string Status { get; private set; } = "none";
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }
    /// <summary>When the subscription first became past due (the grace period counts from it); null otherwise.</summary>
    public DateTimeOffset? PastDueSince { get; private set; }
    /// <summary>When Stripe stamped the state held here (the event's creation time): older events change nothing.</summary>
    public DateTimeOffset? StateAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A subscription that still entitles to its plan (past due only through the grace period).</summary>
    public static bool IsLive(string status) => status is "active" or "trialing" or "past_due";

    /// <summary>
    /// Takes the subscription's state as of <paramref name="stateAt"/>, unless a newer one is held already.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Apply(string subscriptionId, string plan, string status, DateTimeOffset? currentPeriodEnd, DateTimeOffset stateAt, DateTimeOffset now)
    {
        if (StateAt is { } held && stateAt < held) return false;
        // A second subscription of the customer (bought again after one lapsed): a live one replaces the one held, and
        // the lapsed one's later events never replace a live one.
        if (StripeSubscriptionId is { } current && current != subscriptionId && !IsLive(status)) return false;
        if (status == "past_due") PastDueSince = Status == "past_due" && PastDueSince is { } since ? since : stateAt;
        else PastDueSince = null;
        StripeSubscriptionId = subscriptionId;
        Plan = plan;
        Status = status;
        CurrentPeriodEnd = currentPeriodEnd;
        StateAt = stateAt;
        UpdatedAt = now;
        return true;
    }
}

/// <param name="GraceUntil">Past due: the paid plan holds until then, then the vendor drops to Free.</param>
public sealed record Entitlement(string Plan, PlanOptions Options, string Status, DateTimeOffset? GraceUntil);

/// <summary>What a vendor may do now, from its subscription (decision 0017).</summary>
public static class Entitlements
{
    /// <summary>The vendor's entitlement now, from its subscription row (the context acts for the vendor; none until its first checkout).</summary>
    public static async Task<Entitlement> ForAsync(MarketplaceDbContext db, Guid vendorId, BillingOptions billing, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        Of(await db.VendorSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationId == vendorId, cancellationToken), billing, now);

    public static Entitlement Of(VendorSubscription? subscription, BillingOptions billing, DateTimeOffset now)
    {
        var free = new Entitlement(BillingOptions.FreePlan, billing.Free, subscription?.Status ?? "none", null);
        if (subscription is null || !billing.StripeConfigured || !billing.Plans.TryGetValue(subscription.Plan, out var plan)) return free;
        switch (subscription.Status)
        {
            case "active" or "trialing":
                return new Entitlement(subscription.Plan, plan, subscription.Status, null);
            case "past_due" when subscription.PastDueSince is { } since && now < since.AddDays(billing.GraceDays):
                return new Entitlement(subscription.Plan, plan, subscription.Status, since.AddDays(billing.GraceDays));
            default:
                return free; // canceled, unpaid, incomplete, or past due beyond the grace period
        }
    }
}
