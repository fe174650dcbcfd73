using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Workers.Tests;

[Collection(BrokerCollection.Name)]
public sealed class RfpClosingAtTheDeadline
{
    /// <summary>The clock two months on: every deadline set today has passed.</summary>
    private sealed class TwoMonthsLater : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(60);
    }

    private static async Task<(Guid Organisation, Guid Rfp)> PublishedRfpAsync(ApiFactory api)
    {
        var owner = await People.SignedInAsync(api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var client = owner.Client(organisation);
        var id = (await (await client.PostAsJsonAsync("/api/v1/rfps", new { title = "締切テスト" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new
        {
            title = "締切テスト", purpose = "目的", currentState = "現状", scopeIn = new[] { "請求書発行" }, responsibilityBoundary = "境界",
            kpis = new[] { new { metric = "期限遵守率", unit = "%", target = 99m, direction = "higher" } },
            communication = "月次報告", transitionPlan = "並走 1 か月", contractTermMonths = 12, budgetMinYen = 100_000L, budgetMaxYen = 200_000L,
            expectedVolumes = new[] { new { item = "請求書", unit = "件", monthlyQuantity = 500 } },
            questionDeadline = DateTimeOffset.UtcNow.AddDays(5), proposalDeadline = DateTimeOffset.UtcNow.AddDays(10),
            serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "invoice-processing").Id },
            evaluationAxes = EvaluationAxes.DefaultWeights().Select(a => new { code = a.Code, weight = a.Weight }),
        })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false })).EnsureSuccessStatusCode();
        return (organisation, id);
    }

    [Fact]
    public async Task Two_workers_closing_at_the_same_moment_close_an_rfp_once_and_announce_it_once()
    {
        await using var first = await WorkersHostFixture.StartAsync();
        await using var second = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var (organisation, rfpId) = await PublishedRfpAsync(api);

        // Not due yet by the real clock.
        await RfpClosing.CloseDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, CancellationToken.None);
        await using (var db = Database.Open(organisation))
            Assert.Equal(RfpStatus.Published, (await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId)).Status);

        var later = new TwoMonthsLater();
        await Task.WhenAll(
            RfpClosing.CloseDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, CancellationToken.None),
            RfpClosing.CloseDueAsync(second.Services.GetRequiredService<IServiceScopeFactory>(), later, CancellationToken.None));
        // And once more, as after a restart: nothing left to do for this RFP.
        await RfpClosing.CloseDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, CancellationToken.None);

        await using (var db = Database.Open(organisation))
        {
            var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId);
            Assert.Equal(RfpStatus.Closed, rfp.Status);
            Assert.NotNull(rfp.ClosedAt);
            var announcements = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType.Contains("RfpClosed") && m.OrganisationId == organisation).ToListAsync();
            Assert.Single(announcements, m => m.Payload.Contains(rfpId.ToString()));
            Assert.False(await db.RfpDeadlines.AnyAsync(d => d.RfpId == rfpId));
        }
    }
}
