using Marketplace.Core.Billing;

namespace Marketplace.Core.Tests;

/// <summary>What a vendor is entitled to from its subscription, and when the monthly quota counts again.</summary>
public sealed class BillingTests
{
    private static BillingOptions Billing(bool configured = true) => new()
    {
        GraceDays = 7,
        Plans = new()
        {
            ["free"] = new PlanOptions { NameJa = "フリー", MonthlyProposals = 3 },
            ["standard"] = new PlanOptions { NameJa = "スタンダード", MonthlyProposals = 20, StripePriceId = "price_standard" },
        },
        Stripe = configured ? new StripeOptions { SecretKey = "sk_test_x", WebhookSecret = "whsec_x" } : new StripeOptions(),
    };

    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static VendorSubscription Subscription(string status, DateTimeOffset at, string plan = "standard")
    {
        var subscription = new VendorSubscription(Guid.NewGuid(), "cus_1", at);
        subscription.Apply("sub_1", plan, status, at.AddMonths(1), at, at);
        return subscription;
    }

    [Fact]
    public void Without_a_subscription_or_without_stripe_every_vendor_is_on_free()
    {
        Assert.Equal("free", Entitlements.Of(null, Billing(), T0).Plan);
        Assert.Equal("free", Entitlements.Of(Subscription("active", T0), Billing(configured: false), T0).Plan);
        Assert.Equal("free", Entitlements.Of(Subscription("active", T0, plan: "retired-plan"), Billing(), T0).Plan);
    }

    [Theory]
    [InlineData("active", 0, "standard")]
    [InlineData("trialing", 0, "standard")]
    [InlineData("past_due", 6, "standard")] // within the grace period
    [InlineData("past_due", 7, "free")] // the grace period is over
    [InlineData("canceled", 0, "free")]
    [InlineData("unpaid", 0, "free")]
    [InlineData("incomplete", 0, "free")]
    public void The_plan_follows_the_status_with_a_grace_period_when_past_due(string status, int daysLater, string plan)
    {
        var entitlement = Entitlements.Of(Subscription(status, T0), Billing(), T0.AddDays(daysLater));
        Assert.Equal(plan, entitlement.Plan);
        Assert.Equal(status == "past_due" && plan == "standard" ? T0.AddDays(7) : null, entitlement.GraceUntil);
    }

    [Fact]
    public void An_older_state_never_overwrites_a_newer_one_and_the_grace_period_counts_from_the_first_past_due()
    {
        var subscription = Subscription("active", T0);
        Assert.True(subscription.Apply("sub_1", "standard", "past_due", null, T0.AddDays(1), T0.AddDays(1)));
        Assert.True(subscription.Apply("sub_1", "standard", "past_due", null, T0.AddDays(3), T0.AddDays(3)));
        Assert.Equal(T0.AddDays(1), subscription.PastDueSince);
        Assert.False(subscription.Apply("sub_1", "standard", "active", null, T0.AddHours(12), T0.AddDays(4))); // late, older
        Assert.Equal("past_due", subscription.Status);
        Assert.True(subscription.Apply("sub_1", "standard", "active", null, T0.AddDays(5), T0.AddDays(5)));
        Assert.Null(subscription.PastDueSince);
    }

    [Fact]
    public void The_quota_month_is_japan_time()
    {
        // 2026-11-30 15:30 UTC is 2026-12-01 00:30 in Japan: December already.
        var (start, end) = ProposalQuota.MonthOf(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9)), start);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)), end);
        Assert.True(new QuotaUse("free", 3, 3, end).Exhausted);
        Assert.Equal(0, new QuotaUse("free", 5, 3, end).Remaining);
        Assert.False(new QuotaUse("premium", 500, null, end).Exhausted);
    }

    [Fact]
    public void A_stripe_price_maps_to_the_plan_sold_as_it_and_any_other_price_to_no_plan()
    {
        Assert.Equal("standard", Billing().PlanOfPrice("price_standard"));
        Assert.Equal(BillingOptions.UnknownPlan, Billing().PlanOfPrice("price_from_elsewhere"));
        Assert.Equal(BillingOptions.UnknownPlan, Billing().PlanOfPrice(null));
        Assert.Equal(BillingOptions.UnknownPlan, Billing().PlanOfPrice("")); // Free has no price: an empty one is not Free
        // A subscription to an unknown price entitles to nothing beyond Free.
        Assert.Equal("free", Entitlements.Of(Subscription("active", T0, plan: BillingOptions.UnknownPlan), Billing(), T0).Plan);
    }

    [Fact]
    public void Each_handled_event_names_its_customer_and_subscription()
    {
        static Stripe.Event Parse(string type, string data) => Stripe.EventUtility.ParseEvent(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "evt_1", ["object"] = "event", ["type"] = type, ["created"] = 1764000000,
            ["data"] = new System.Text.Json.Nodes.JsonObject { ["object"] = System.Text.Json.Nodes.JsonNode.Parse(data) },
        }.ToJsonString(), throwOnApiVersionMismatch: false);
        var checkout = Parse(StripeEvents.CheckoutCompleted, """{"id":"cs_1","object":"checkout.session","customer":"cus_1","subscription":"sub_1"}""");
        Assert.Equal(("cus_1", "sub_1"), (StripeEvents.CustomerOf(checkout), StripeEvents.SubscriptionOf(checkout)));
        var subscription = Parse(StripeEvents.SubscriptionDeleted, """{"id":"sub_2","object":"subscription","customer":"cus_2","status":"canceled"}""");
        Assert.Equal(("cus_2", "sub_2"), (StripeEvents.CustomerOf(subscription), StripeEvents.SubscriptionOf(subscription)));
        var invoice = Parse(StripeEvents.InvoicePaymentFailed,
            """{"id":"in_1","object":"invoice","customer":"cus_3","parent":{"type":"subscription_details","subscription_details":{"subscription":"sub_3"}}}""");
        Assert.Equal(("cus_3", "sub_3"), (StripeEvents.CustomerOf(invoice), StripeEvents.SubscriptionOf(invoice)));
        // A one-off payment's session names no subscription: nothing to apply.
        Assert.Null(StripeEvents.SubscriptionOf(Parse(StripeEvents.CheckoutCompleted, """{"id":"cs_2","object":"checkout.session","customer":"cus_1"}""")));
    }

    [Fact]
    public void A_new_subscription_replaces_a_lapsed_one_and_the_lapsed_ones_later_events_never_replace_it()
    {
        var subscription = Subscription("active", T0);
        Assert.True(subscription.Apply("sub_1", "standard", "unpaid", null, T0.AddDays(10), T0.AddDays(10)));
        Assert.Equal("free", Entitlements.Of(subscription, Billing(), T0.AddDays(10)).Plan);
        Assert.True(subscription.Apply("sub_2", "standard", "active", T0.AddMonths(2), T0.AddDays(11), T0.AddDays(11)));
        Assert.False(subscription.Apply("sub_1", "standard", "canceled", null, T0.AddDays(12), T0.AddDays(12)));
        Assert.Equal(("sub_2", "standard"), (subscription.StripeSubscriptionId, Entitlements.Of(subscription, Billing(), T0.AddDays(12)).Plan));
    }
}
