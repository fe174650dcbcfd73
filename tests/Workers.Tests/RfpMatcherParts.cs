using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Workers.Tests;

/// <summary>The two parts of a match (the best told first, the rest after), called directly, and the version check of each.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RfpMatcherParts
{
    private static readonly string[] Languages = ["zh", "pt", "ko"];

    [Fact]
    public async Task Each_part_matches_only_the_version_in_force_and_together_they_store_every_match_once()
    {
        await using var api = new ApiFactory();
        for (var i = 0; i < 2; i++)
        {
            var vendor = await People.SignedInAsync(api);
            var organisation = await vendor.CreateOrganisationAsync("vendor");
            (await vendor.Client(organisation).PutAsJsonAsync("/api/v1/vendor-profile", new
            {
                slug = $"parts-{Guid.NewGuid():N}"[..18], summary = "請求書処理の BPO です。", monthlyBaseYen = 150_000, languages = Languages,
                serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "invoice-processing").Id },
            })).EnsureSuccessStatusCode();
        }
        var owner = await People.SignedInAsync(api);
        var (clientOrganisation, rfpId) = await TestRfps.PublishAsync(api, owner: owner, languages: Languages);
        var client = owner.Client(clientOrganisation);
        var content = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}")).GetProperty("content").GetRawText())!;
        content["purpose"] = JsonSerializer.SerializeToElement("締めを早める。");
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "目的を変更" })).EnsureSuccessStatusCode();

        await using var db = Database.Open(clientOrganisation);
        await using var transaction = await db.Database.BeginTransactionAsync(); // rolled back: the Workers' own match is left alone
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Version 1 was superseded by the addendum: neither part does anything for it.
        Assert.Equal(new MatchOutcome(0, 0, 0), await RfpMatcher.MatchAsync(db, rfpId, 1, today, TimeProvider.System, 1, default));
        Assert.Equal(new MatchOutcome(0, 0, 0), await RfpMatcher.StoreRemainingAsync(db, rfpId, 1, today, TimeProvider.System, default));

        var best = await RfpMatcher.MatchAsync(db, rfpId, 2, today, TimeProvider.System, 1, default);
        Assert.Equal(1, best.Stored);
        Assert.True(best.Matched >= 2, $"matched {best.Matched}");
        Assert.Equal(1, await db.RfpMatches.CountAsync(m => m.RfpId == rfpId));
        Assert.Contains(db.ChangeTracker.Entries<Core.Messaging.OutboxMessage>(), e => e.Entity.MessageType.EndsWith("RfpMatchesRemaining"));

        var rest = await RfpMatcher.StoreRemainingAsync(db, rfpId, 2, today, TimeProvider.System, default);
        Assert.Equal(best.Matched - 1, rest.Stored);
        Assert.Equal(best.Matched, await db.RfpMatches.CountAsync(m => m.RfpId == rfpId && m.Version == 2));
        // A redelivered second part adds nothing.
        Assert.Equal(0, (await RfpMatcher.StoreRemainingAsync(db, rfpId, 2, today, TimeProvider.System, default)).Stored);
    }
}
