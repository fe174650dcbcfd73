using System.Net;
using System.Net.Http.Json;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>Plans without Stripe (the default): every vendor on Free, its quota shown and enforced with 402.</summary>
public sealed class Billing(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task Without_stripe_a_vendor_is_on_free_sees_its_quota_and_a_fourth_new_proposal_this_month_is_refused_with_402()
    {
        var (_, vendor) = await VendorAsync(Api);
        var billingResponse = await vendor.GetAsync("/api/v1/vendor/billing");
        Assert.True(billingResponse.IsSuccessStatusCode, await billingResponse.Content.ReadAsStringAsync());
        var billing = await JsonAsync(billingResponse);
        Assert.False(billing.GetProperty("configured").GetBoolean());
        Assert.Equal("free", billing.GetProperty("plan").GetProperty("code").GetString());
        Assert.Equal(3, billing.GetProperty("quota").GetProperty("remaining").GetInt32());
        Assert.Equal(["free", "standard", "premium"], billing.GetProperty("plans").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());
        Assert.All(billing.GetProperty("plans").EnumerateArray(), p => Assert.False(p.GetProperty("sold").GetBoolean())); // nothing can be bought

        var rfps = new List<Guid>();
        for (var i = 0; i < 4; i++) rfps.Add((await PublishAsync(Api)).Rfp);
        async Task<HttpResponseMessage> SubmitAsync(Guid rfpId, bool start = true)
        {
            if (start)
            {
                var started = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
                (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(started, "提案"))).EnsureSuccessStatusCode();
            }
            return await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null);
        }
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(rfps[i])).StatusCode);

        var refused = await SubmitAsync(rfps[3]);
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        var problem = await JsonAsync(refused);
        Assert.Equal("free", problem.GetProperty("plan").GetString());
        Assert.Equal(3, problem.GetProperty("quota").GetInt32());
        Assert.Equal("/vendor/billing", problem.GetProperty("upgradeUrl").GetString());
        Assert.True(problem.GetProperty("resetsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Contains("フリープラン", problem.GetProperty("detail").GetString());
        // Nothing changed: the fourth is still a draft; revising a submitted one does not count.
        Assert.Equal("draft", (await JsonAsync(await vendor.GetAsync($"/api/v1/vendor/rfps/{rfps[3]}/proposal"))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(rfps[0], start: false)).StatusCode);
        Assert.Equal(0, (await JsonAsync(await vendor.GetAsync("/api/v1/vendor/billing"))).GetProperty("quota").GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Without_stripe_nothing_can_be_bought_and_the_webhook_does_not_exist()
    {
        var (_, vendor) = await VendorAsync(Api);
        var checkout = await vendor.PostAsJsonAsync("/api/v1/vendor/billing/checkout", new { plan = "standard" });
        Assert.Equal(HttpStatusCode.Conflict, checkout.StatusCode);
        Assert.Equal("課金は設定されていません", (await JsonAsync(checkout)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await vendor.PostAsync("/api/v1/vendor/billing/portal", null)).StatusCode);
        Assert.False((await JsonAsync(await vendor.GetAsync("/api/v1/vendor/billing"))).GetProperty("hasBillingAccount").GetBoolean());
        var webhook = await Api.CreateClient().PostAsync("/api/v1/billing/stripe/webhook", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
    }

    [Fact]
    public async Task A_client_organisation_has_no_plan()
    {
        var (client, _) = await PublishAsync(Api);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/vendor/billing")).StatusCode);
    }
}
