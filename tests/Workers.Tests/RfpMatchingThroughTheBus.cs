using System.Net.Http.Json;
using Marketplace.Core.Catalogue;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Workers.Tests;

[Collection(BrokerCollection.Name)]
public sealed class RfpMatchingThroughTheBus
{
    private static async Task<Guid> VendorAsync(ApiFactory api, bool bcp, string[]? languages = null)
    {
        var owner = await People.SignedInAsync(api);
        var organisation = await owner.CreateOrganisationAsync("vendor");
        var response = await owner.Client(organisation).PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = $"match-{Guid.NewGuid():N}"[..18], summary = "請求書処理の BPO です。", monthlyBaseYen = 150_000, hasBcp = bcp,
            unitPrices = new[] { new { unit = "1 件", bands = new[] { new { fromQuantity = 0, priceYen = 100 } } } },
            recoveryTimeObjectiveHours = bcp ? 24 : (int?)null, languages = languages ?? ["ja"],
            serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "invoice-processing").Id },
        });
        response.EnsureSuccessStatusCode();
        return organisation;
    }

    [Fact]
    public async Task A_published_rfp_is_matched_by_the_workers_with_reasons_and_a_vendor_failing_a_hard_filter_is_left_out()
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var withBcp = await VendorAsync(api, bcp: true);
        var withoutBcp = await VendorAsync(api, bcp: false);

        var owner = await People.SignedInAsync(api);
        var (organisation, rfpId) = await TestRfps.PublishAsync(api, bcpRequired: true, owner: owner);

        // RfpPublished goes through the outbox and RabbitMQ to the matching consumer.
        var matches = await Eventually.Get(async () =>
        {
            var all = await RfpMatches.AllAsync(owner.Client(organisation), rfpId);
            return all.Any(m => m.GetProperty("vendorId").GetGuid() == withBcp) ? all : null;
        }, "the match of the vendor with a BCP");
        var match = Assert.Single(matches, m => m.GetProperty("vendorId").GetGuid() == withBcp);
        Assert.InRange(match.GetProperty("score").GetInt32(), 40, 100);
        Assert.Contains(match.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString() == "依頼サービス 1 件のうち 1 件を提供しています。");
        // The fee at the RFP's 500 invoices a month: 150,000 base + 500 × 100 per invoice.
        Assert.Contains(match.GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("text").GetString() == "想定ボリュームでの月額見込み 200,000 円（基本料金と従量 1 項目）は予算の範囲内です。");
        Assert.DoesNotContain(matches, m => m.GetProperty("vendorId").GetGuid() == withoutBcp);
        Assert.Equal(matches.Select(m => m.GetProperty("score").GetInt32()).OrderDescending(), matches.Select(m => m.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task The_best_matches_are_told_first_and_the_rest_of_the_matches_follow()
    {
        // One vendor told; a rare language set keeps the matches few (this test's vendors from earlier runs may match too).
        string[] languages = ["zh", "pt", "vi"];
        await using var workers = await WorkersHostFixture.StartAsync(new Dictionary<string, string?> { ["RfpMatching:NotifyTop"] = "1" });
        await using var api = new ApiFactory();
        var vendors = new[] { await VendorAsync(api, bcp: true, languages), await VendorAsync(api, bcp: true, languages), await VendorAsync(api, bcp: false, languages) };
        var owner = await People.SignedInAsync(api);
        var (organisation, rfpId) = await TestRfps.PublishAsync(api, owner: owner, languages: languages);

        await Eventually.True(async () =>
        {
            await using var db = Database.Open(organisation);
            return await db.RfpMatches.CountAsync(m => m.RfpId == rfpId && vendors.Contains(m.VendorId)) == 3;
        }, "all three matches stored");
        // The first part told the best one; the second part stored the others and told nobody.
        await using var connection = await Database.OpenOwnerConnectionAsync();
        await using var notices = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%OrganisationNotice%' AND payload->>'key' = @key", connection);
        notices.Parameters.AddWithValue("key", $"rfp.matched:{rfpId}");
        Assert.Equal(1L, (long)(await notices.ExecuteScalarAsync())!);
        await using var remaining = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%RfpMatchesRemaining%' AND payload->>'rfpId' = @rfp", connection);
        remaining.Parameters.AddWithValue("rfp", rfpId.ToString());
        Assert.Equal(1L, (long)(await remaining.ExecuteScalarAsync())!);
        var matches = await RfpMatches.AllAsync(owner.Client(organisation), rfpId);
        Assert.Subset(matches.Select(m => m.GetProperty("vendorId").GetGuid()).ToHashSet(), vendors.ToHashSet());
    }
}
