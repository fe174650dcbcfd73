using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Workers.Tests;

/// <summary>The Api and the Workers with Stripe configured, pointed at the local stand-in for Stripe's API.</summary>
public sealed class StripeBillingFixture : IAsyncLifetime
{
    public StripeStandIn Stripe { get; private set; } = null!;
    public ApiFactory Api { get; private set; } = null!;
    private WorkersHostFixture? workers;

    public async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync();
        Api = new ApiFactory(Stripe.Settings);
        Stripe.Webhooks = Api.CreateClient();
        workers = await WorkersHostFixture.StartAsync(Stripe.Settings);
    }

    public async Task DisposeAsync()
    {
        if (workers is not null) await workers.DisposeAsync();
        await Api.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

/// <summary>
/// Billing with Stripe (decision 0018): Checkout and the portal through Stripe.net with idempotency keys, the signed
/// webhook, each event stored once and applied by the Workers in whatever order it comes, the grace period and the
/// downgrade, and the entitlements that follow (quota, answer library, featured badge).
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class BillingThroughStripe(StripeBillingFixture fixture) : IClassFixture<StripeBillingFixture>
{
    private ApiFactory Api => fixture.Api;
    private StripeStandIn Stripe => fixture.Stripe;

    private static async Task<JsonElement> BillingAsync(HttpClient vendor) => await JsonAsync(await vendor.GetAsync("/api/v1/vendor/billing"));

    private static async Task<JsonElement> PlanIsAsync(HttpClient vendor, string plan, string status) =>
        (JsonElement)await Eventually.Get<object>(async () =>
        {
            var billing = await BillingAsync(vendor);
            return billing.GetProperty("plan").GetProperty("code").GetString() == plan && billing.GetProperty("status").GetString() == status ? billing : null;
        }, $"the vendor to be on {plan} ({status})");

    /// <summary>An owner's Checkout for the plan: the session id (from the URL it returns).</summary>
    private static async Task<string> CheckoutAsync(HttpClient vendor, string plan, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/vendor/billing/checkout") { Content = JsonContent.Create(new { plan }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        var response = await vendor.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var url = (await JsonAsync(response)).GetProperty("url").GetString()!;
        return url[(url.LastIndexOf('/') + 1)..];
    }

    /// <summary>Delivers a signed event and waits until the Workers applied it.</summary>
    private async Task AppliedAsync(Guid vendor, string payload)
    {
        await Stripe.DeliverAsync(payload);
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();
        await Eventually.True(async () =>
        {
            await using var db = Database.Open(vendor);
            return await db.StripeEvents.AsNoTracking().AnyAsync(e => e.Id == eventId && e.ProcessedAt != null);
        }, $"event {eventId} to be applied");
    }

    private static async Task<int> StoredEventsAsync(Guid vendor, string eventId)
    {
        await using var db = Database.Open(vendor);
        return await db.StripeEvents.CountAsync(e => e.Id == eventId);
    }

    [Fact]
    public async Task An_owner_upgrades_through_checkout_the_events_make_it_standard_and_every_request_to_stripe_carried_an_idempotency_key()
    {
        var (_, vendorId, vendor) = await VendorWithOwnerAsync(Api);
        var before = await BillingAsync(vendor);
        Assert.True(before.GetProperty("configured").GetBoolean());
        Assert.False(before.GetProperty("hasBillingAccount").GetBoolean());
        Assert.Equal(["standard", "premium"], before.GetProperty("plans").EnumerateArray().Where(p => p.GetProperty("sold").GetBoolean())
            .Select(p => p.GetProperty("code").GetString()!).ToArray());

        // A retried request with the same key is the same session; the customer is created once, for the organisation.
        var session = await CheckoutAsync(vendor, "standard", "retry-key-0001");
        Assert.Equal(session, await CheckoutAsync(vendor, "standard", "retry-key-0001"));
        var mine = Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.Form.GetValueOrDefault("client_reference_id") == vendorId.ToString()).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, r => Assert.Equal($"checkout-{vendorId}-standard-retry-key-0001", r.IdempotencyKey));
        Assert.Equal("subscription", mine[0].Form["mode"]);
        Assert.Equal(StripeStandIn.StandardPrice, mine[0].Form["line_items[0][price]"]);
        Assert.EndsWith("/vendor/billing/return?session_id={CHECKOUT_SESSION_ID}", mine[0].Form["success_url"]);
        var customers = Stripe.Requests.Where(r => r.Path == "/v1/customers" && r.Form.GetValueOrDefault("metadata[organisationId]") == vendorId.ToString()).ToList();
        Assert.Single(customers);
        Assert.Equal($"customer-{vendorId}", customers[0].IdempotencyKey);
        Assert.All(Stripe.Requests.Where(r => r.Method == "POST"), r => Assert.False(string.IsNullOrEmpty(r.IdempotencyKey)));

        // The customer pays on Stripe's page, which redirects back and sends the events.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Stripe.BaseAddress };
        var paid = await browser.PostAsync($"/checkout/{session}/pay", null);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.EndsWith($"/vendor/billing/return?session_id={session}", paid.Headers.Location!.ToString());
        var after = await PlanIsAsync(vendor, "standard", "active");
        Assert.Equal(20, after.GetProperty("quota").GetProperty("limit").GetInt32());
        Assert.True(after.GetProperty("hasBillingAccount").GetBoolean());
        Assert.True(after.GetProperty("currentPeriodEnd").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(25));

        // Every event was stored once and applied.
        await using (var db = Database.Open(vendorId))
            await Eventually.True(async () => await db.StripeEvents.AsNoTracking().CountAsync(e => e.ProcessedAt != null) == 3, "the three events to be applied");

        // A paid plan is changed in the portal, not bought again.
        var again = await vendor.PostAsJsonAsync("/api/v1/vendor/billing/checkout", new { plan = "premium" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var portal = await vendor.PostAsync("/api/v1/vendor/billing/portal", null);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.StartsWith(Stripe.BaseAddress.ToString(), (await JsonAsync(portal)).GetProperty("url").GetString());
        var portalRequest = Stripe.Requests.Last(r => r.Path == "/v1/billing_portal/sessions");
        Assert.StartsWith($"portal-{vendorId}-", portalRequest.IdempotencyKey);
        Assert.Equal(Stripe.Object(session)["customer"]!.GetValue<string>(), portalRequest.Form["customer"]);

        // The answer library comes with the plan: a new proposal starts with the profile's security answers.
        var (_, rfp) = await PublishAsync(Api);
        var proposal = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfp}/proposal", null));
        Assert.Contains(proposal.GetProperty("content").GetProperty("security").EnumerateArray(), a => a.GetProperty("answer").GetString() == AccessControlAnswer);
    }

    [Fact]
    public async Task Only_an_owner_or_admin_may_change_billing_and_bad_requests_change_nothing()
    {
        var (owner, vendorId, vendor) = await VendorWithOwnerAsync(Api);
        var sales = await People.SignedInAsync(Api);
        await owner.AddMemberAsync(vendorId, sales, "sales");
        var salesClient = sales.Client(vendorId);
        Assert.Equal(HttpStatusCode.Forbidden, (await salesClient.PostAsJsonAsync("/api/v1/vendor/billing/checkout", new { plan = "standard" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await salesClient.PostAsync("/api/v1/vendor/billing/portal", null)).StatusCode);
        Assert.False((await BillingAsync(salesClient)).GetProperty("mayManage").GetBoolean());

        var free = await vendor.PostAsJsonAsync("/api/v1/vendor/billing/checkout", new { plan = "free" });
        Assert.Equal(HttpStatusCode.BadRequest, free.StatusCode);
        Assert.True((await JsonAsync(free)).GetProperty("errors").TryGetProperty("plan", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await vendor.PostAsJsonAsync("/api/v1/vendor/billing/checkout", new { plan = "" })).StatusCode);
        using var badKey = new HttpRequestMessage(HttpMethod.Post, "/api/v1/vendor/billing/checkout") { Content = JsonContent.Create(new { plan = "standard" }) };
        badKey.Headers.Add("Idempotency-Key", "no spaces allowed");
        Assert.Equal(HttpStatusCode.BadRequest, (await vendor.SendAsync(badKey)).StatusCode);
        // No portal before any checkout; none of it created a customer.
        Assert.Equal(HttpStatusCode.Conflict, (await vendor.PostAsync("/api/v1/vendor/billing/portal", null)).StatusCode);
        Assert.DoesNotContain(Stripe.Requests, r => r.Path == "/v1/customers" && r.Form.GetValueOrDefault("metadata[organisationId]") == vendorId.ToString());
    }

    [Fact]
    public async Task A_missing_wrong_or_stale_signature_is_refused_and_a_replay_is_acknowledged_once()
    {
        var (_, vendorId, vendor) = await VendorWithOwnerAsync(Api);
        var session = await CheckoutAsync(vendor, "standard");
        var subscription = Stripe.CompleteCheckout(session);
        var payload = Stripe.Event("customer.subscription.updated", subscription, DateTimeOffset.UtcNow);
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, (await Stripe.PostEventAsync(payload, signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Stripe.PostEventAsync(payload, StripeStandIn.Sign(payload, DateTimeOffset.UtcNow, "whsec_someone_else"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Stripe.PostEventAsync(payload, StripeStandIn.Sign(payload, DateTimeOffset.UtcNow.AddSeconds(-301)))).StatusCode);
        var tampered = payload.Replace("\"active\"", "\"trialing\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await Stripe.PostEventAsync(tampered, StripeStandIn.Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(0, await StoredEventsAsync(vendorId, eventId));
        Assert.Equal("free", (await BillingAsync(vendor)).GetProperty("plan").GetProperty("code").GetString());

        var first = await Stripe.PostEventAsync(payload);
        Assert.Equal("stored", (await JsonAsync(first)).GetProperty("outcome").GetString());
        var replay = await Stripe.PostEventAsync(payload);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await JsonAsync(replay)).GetProperty("outcome").GetString());
        Assert.Equal(1, await StoredEventsAsync(vendorId, eventId));
        await using (var owner = await Database.OpenOwnerConnectionAsync())
        {
            await using var outbox = owner.CreateCommand();
            outbox.CommandText = "SELECT count(*) FROM outbox_messages WHERE payload::jsonb->>'eventId' = @id";
            outbox.Parameters.AddWithValue("id", eventId);
            Assert.Equal(1L, (long)(await outbox.ExecuteScalarAsync())!);
        }
        await PlanIsAsync(vendor, "standard", "active");

        // An event for a customer that is not ours is acknowledged (Stripe stops retrying) and not applied.
        var stranger = Stripe.Event("customer.subscription.updated", new JsonObject { ["id"] = "sub_stranger", ["object"] = "subscription", ["customer"] = "cus_stranger", ["status"] = "active" }, DateTimeOffset.UtcNow);
        Assert.Equal("ignored", (await JsonAsync(await Stripe.PostEventAsync(stranger))).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Events_out_of_order_end_in_the_state_stripe_holds()
    {
        // The subscription's update arrives before the checkout's completion: Standard, active, either way.
        var (_, _, vendor) = await VendorWithOwnerAsync(Api);
        var session = await CheckoutAsync(vendor, "standard");
        var subscription = Stripe.CompleteCheckout(session);
        var created = DateTimeOffset.UtcNow;
        await Stripe.DeliverAsync(Stripe.Event("customer.subscription.updated", subscription, created.AddSeconds(1)));
        await Stripe.DeliverAsync(Stripe.Event("checkout.session.completed", Stripe.Object(session), created));
        await PlanIsAsync(vendor, "standard", "active");

        // Cancelled: the deletion arrives before an older update that still says active; the vendor ends on Free.
        var id = subscription["id"]!.GetValue<string>();
        var cancelled = Stripe.SetStatus(id, "canceled");
        await Stripe.DeliverAsync(Stripe.Event("customer.subscription.deleted", cancelled, created.AddSeconds(5)));
        await Stripe.DeliverAsync(Stripe.Event("customer.subscription.updated", subscription, created.AddSeconds(2)));
        var final = await PlanIsAsync(vendor, "free", "canceled");
        Assert.Equal(3, final.GetProperty("quota").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task A_failed_payment_keeps_the_plan_through_the_grace_period_warns_the_owners_and_then_drops_to_free_removing_nothing()
    {
        var (_, vendorId, vendor) = await VendorWithOwnerAsync(Api);
        var session = await CheckoutAsync(vendor, "premium");
        var subscription = Stripe.CompleteCheckout(session);
        await Stripe.DeliverAsync(Stripe.Event("checkout.session.completed", Stripe.Object(session), DateTimeOffset.UtcNow));
        await PlanIsAsync(vendor, "premium", "active");
        // Premium's featured badge shows beside the vendor, in search and on its page.
        var slug = (await JsonAsync(await vendor.GetAsync("/api/v1/vendor-profile"))).GetProperty("profile").GetProperty("slug").GetString();
        Assert.True((await JsonAsync(await Api.CreateClient().GetAsync($"/api/v1/vendors/{slug}"))).GetProperty("featured").GetBoolean());
        var name = (await JsonAsync(await vendor.GetAsync("/api/v1/vendor-profile"))).GetProperty("organisationName").GetString()!;
        var found = await Eventually.Get<object>(async () =>
        {
            var results = await JsonAsync(await vendor.GetAsync($"/api/v1/vendors?q={Uri.EscapeDataString(name)}"));
            return results.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("slug").GetString() == slug).Select(i => (object)i).FirstOrDefault();
        }, "the vendor in search");
        Assert.True(((JsonElement)found).GetProperty("featured").GetBoolean());

        var (_, rfp) = await PublishAsync(Api);
        var started = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfp}/proposal", null));
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfp}/proposal", Complete(started, "プレミアムの提案"))).EnsureSuccessStatusCode();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfp}/proposal/submit", null)).EnsureSuccessStatusCode();

        var id = subscription["id"]!.GetValue<string>();
        var pastDue = Stripe.SetStatus(id, "past_due");
        await Stripe.DeliverAsync(Stripe.Event("invoice.payment_failed", Stripe.Invoice(pastDue, "open"), DateTimeOffset.UtcNow));
        var grace = await PlanIsAsync(vendor, "premium", "past_due");
        var graceUntil = grace.GetProperty("graceUntil").GetDateTimeOffset();
        Assert.InRange(graceUntil, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        // The owners are told once, in the app and by e-mail to the organisation's contact.
        await Eventually.True(async () =>
        {
            var notifications = await JsonAsync(await vendor.GetAsync("/api/v1/notifications"));
            return notifications.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("type").GetString() == "billing.past-due") == 1;
        }, "the past-due notice");
        await AppliedAsync(vendorId, Stripe.Event("customer.subscription.updated", pastDue, DateTimeOffset.UtcNow)); // still past due: no second notice
        var notices = await JsonAsync(await vendor.GetAsync("/api/v1/notifications"));
        Assert.Equal(1, notices.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("type").GetString() == "billing.past-due"));

        // Unpaid beyond grace: Free, no badge; the submitted proposal is untouched.
        var unpaid = Stripe.SetStatus(id, "unpaid");
        await Stripe.DeliverAsync(Stripe.Event("customer.subscription.updated", unpaid, DateTimeOffset.UtcNow));
        await PlanIsAsync(vendor, "free", "unpaid");
        Assert.False((await JsonAsync(await Api.CreateClient().GetAsync($"/api/v1/vendors/{slug}"))).GetProperty("featured").GetBoolean());
        Assert.Equal("submitted", (await JsonAsync(await vendor.GetAsync($"/api/v1/vendor/rfps/{rfp}/proposal"))).GetProperty("status").GetString());

        // Bought again: a new subscription, and the lapsed one's cancellation arriving afterwards changes nothing.
        var again = await CheckoutAsync(vendor, "standard");
        Stripe.CompleteCheckout(again);
        await Stripe.DeliverAsync(Stripe.Event("checkout.session.completed", Stripe.Object(again), DateTimeOffset.UtcNow));
        await PlanIsAsync(vendor, "standard", "active");
        await AppliedAsync(vendorId, Stripe.Event("customer.subscription.deleted", Stripe.SetStatus(id, "canceled"), DateTimeOffset.UtcNow));
        Assert.Equal("standard", (await BillingAsync(vendor)).GetProperty("plan").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_subscription_stripe_no_longer_returns_is_taken_as_cancelled()
    {
        var (_, _, vendor) = await VendorWithOwnerAsync(Api);
        var session = await CheckoutAsync(vendor, "standard");
        var subscription = Stripe.CompleteCheckout(session);
        await Stripe.DeliverAsync(Stripe.Event("customer.subscription.created", subscription, DateTimeOffset.UtcNow));
        await PlanIsAsync(vendor, "standard", "active");
        Stripe.Forget(subscription["id"]!.GetValue<string>());
        await Stripe.DeliverAsync(Stripe.Event("customer.subscription.deleted", subscription, DateTimeOffset.UtcNow));
        await PlanIsAsync(vendor, "free", "canceled");
    }
}
