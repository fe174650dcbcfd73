using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;

namespace Marketplace.Workers.Tests;

internal static class TestRfps
{
    /// <summary>A client organisation with a published RFP for invoice processing (deadline in 10 days).</summary>
    /// <param name="languages">Languages the vendor must work in (a hard filter: a rare set keeps the matches few).</param>
    /// <param name="serviceCodes">The services requested (invoice processing unless given).</param>
    public static async Task<(Guid Organisation, Guid Rfp)> PublishAsync(ApiFactory api, bool bcpRequired = false, Person? owner = null, string[]? languages = null,
        string[]? serviceCodes = null)
    {
        owner ??= await People.SignedInAsync(api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var client = owner.Client(organisation);
        var id = (await (await client.PostAsJsonAsync("/api/v1/rfps", new { title = "締切テスト" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new
        {
            title = "締切テスト", purpose = "目的", currentState = "現状", scopeIn = new[] { "請求書発行" }, responsibilityBoundary = "境界",
            kpis = new[] { new { metric = "期限遵守率", unit = "%", target = 99m, direction = "higher" } },
            communication = "月次報告", bcpRequired, transitionPlan = "並走 1 か月", contractTermMonths = 12, budgetMinYen = 100_000L, budgetMaxYen = 200_000L,
            expectedVolumes = new[] { new { item = "請求書", unit = "件", monthlyQuantity = 500 } },
            questionDeadline = DateTimeOffset.UtcNow.AddDays(5), proposalDeadline = DateTimeOffset.UtcNow.AddDays(10),
            serviceIds = (serviceCodes ?? ["invoice-processing"]).Select(code => CatalogueSeed.Services.Single(s => s.Code == code).Id).ToArray(),
            languages = languages ?? [],
            evaluationAxes = EvaluationAxes.DefaultWeights().Select(a => new { code = a.Code, weight = a.Weight }),
        })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false })).EnsureSuccessStatusCode();
        return (organisation, id);
    }
}
