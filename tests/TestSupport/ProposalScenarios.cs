using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;

namespace Marketplace.TestSupport;

/// <summary>A published RFP, vendors with profiles and complete proposals: what the proposal and evaluation tests start from.</summary>
public static class ProposalScenarios
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Waits until the RFP's proposals are open to its client (the deadline has passed, as the Api says).</summary>
    public static async Task UntilOpenAsync(HttpClient client, Guid rfpId)
    {
        var path = $"/api/v1/rfps/{rfpId}/proposals/summary";
        var opensAt = (await JsonAsync(await client.GetAsync(path))).GetProperty("opensAt").GetDateTimeOffset();
        await Eventually.True(async () => !(await JsonAsync(await client.GetAsync(path))).GetProperty("sealed").GetBoolean(), "the proposals to open",
            PastThe(opensAt));
    }

    /// <summary>Waits until the vendor's proposal no longer takes changes (the deadline has passed, as the Api says).</summary>
    public static async Task UntilClosedAsync(HttpClient vendor, Guid rfpId)
    {
        var path = $"/api/v1/vendor/rfps/{rfpId}/proposal";
        var deadline = (await JsonAsync(await vendor.GetAsync(path))).GetProperty("deadline").GetDateTimeOffset();
        await Eventually.True(async () => !(await JsonAsync(await vendor.GetAsync(path))).GetProperty("open").GetBoolean(), "the proposal deadline to pass",
            PastThe(deadline));
    }

    /// <summary>How long to wait for a moment to pass: until it, and 30 seconds more.</summary>
    private static TimeSpan PastThe(DateTimeOffset moment) => (moment - DateTimeOffset.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero) + TimeSpan.FromSeconds(30);

    public static Dictionary<string, object?> RfpContent(string visibility, DateTimeOffset questionDeadline, DateTimeOffset proposalDeadline) => new()
    {
        ["title"] = "請求書発行の委託", ["purpose"] = "請求書発行を平準化する。", ["currentState"] = "月 1,200 件を 2 名で発行。",
        ["scopeIn"] = new[] { "請求書の発行" }, ["responsibilityBoundary"] = "データ連携までは当社、発行以降は受託者。",
        ["kpis"] = new[] { new { metric = "期限遵守率", unit = "%", target = 99m, direction = "higher" } },
        ["communication"] = "月次で報告会を行う。", ["transitionPlan"] = "1 か月の並走ののち切り替える。", ["contractTermMonths"] = 24,
        ["budgetMinYen"] = 100_000L, ["budgetMaxYen"] = 600_000L,
        ["expectedVolumes"] = new[] { new { item = "請求書", unit = "件", monthlyQuantity = 1200 } },
        ["questionDeadline"] = questionDeadline, ["proposalDeadline"] = proposalDeadline, ["visibility"] = visibility,
        ["evaluationAxes"] = EvaluationAxes.DefaultWeights().Select(a => new { code = a.Code, weight = a.Weight }),
        ["serviceIds"] = new[] { CatalogueSeed.Services.Single(s => s.Code == "invoice-processing").Id },
    };

    public static async Task<(HttpClient Client, Guid Rfp)> PublishAsync(ApiFactory Api, string visibility = "public", TimeSpan? untilDeadline = null)
    {
        var (_, _, client, rfp) = await PublishByAsync(Api, visibility, untilDeadline);
        return (client, rfp);
    }

    /// <summary>A client organisation (its owner signed in) that publishes an RFP closing after <paramref name="untilDeadline"/> (20 days).</summary>
    public static async Task<(Person Owner, Guid Organisation, HttpClient Client, Guid Rfp)> PublishByAsync(ApiFactory Api, string visibility = "public",
        TimeSpan? untilDeadline = null)
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var client = owner.Client(organisation);
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "請求書発行の委託" }))).GetProperty("id").GetGuid();
        var deadline = DateTimeOffset.UtcNow + (untilDeadline ?? TimeSpan.FromDays(20));
        (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", RfpContent(visibility, deadline - (untilDeadline is null ? TimeSpan.FromDays(7) : untilDeadline.Value / 2), deadline)))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false })).EnsureSuccessStatusCode();
        return (owner, organisation, client, id);
    }

    /// <summary>A vendor that starts, completes and submits a proposal to the RFP; its id and client.</summary>
    public static async Task<(Guid Vendor, HttpClient Client)> SubmittedProposalAsync(ApiFactory Api, Guid rfpId, string summary,
        Action<Dictionary<string, object?>>? change = null, string? vendorName = null)
    {
        var (_, vendorId, vendor) = await SubmittedProposalByAsync(Api, rfpId, summary, change, vendorName);
        return (vendorId, vendor);
    }

    /// <summary>The same, with the vendor's owner (to sign in as in a browser).</summary>
    /// <param name="listed">false: a vendor organisation with no profile at all (so no search entry), whose fees come from the proposal.</param>
    public static async Task<(Person Owner, Guid Vendor, HttpClient Client)> SubmittedProposalByAsync(ApiFactory Api, Guid rfpId, string summary,
        Action<Dictionary<string, object?>>? change = null, string? vendorName = null, bool listed = true)
    {
        var (owner, vendorId, vendor) = await VendorWithOwnerAsync(Api, vendorName, listed);
        if (!listed) change = (c => c["fees"] = new { initialYen = 400_000, monthlyYen = 320_000 }) + change;
        var started = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        var content = Complete(started, summary);
        change?.Invoke(content);
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", content)).EnsureSuccessStatusCode();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();
        return (owner, vendorId, vendor);
    }

    public const string AccessControlAnswer = "役割ごとに最小権限で付与し、四半期ごとに棚卸しします。";

    /// <summary>A vendor organisation (its owner signed in) with a profile: <see cref="WriteVendorProfileAsync"/>.</summary>
    public static async Task<(Guid Id, HttpClient Client)> VendorAsync(ApiFactory Api, string? name = null)
    {
        var (_, organisation, client) = await VendorWithOwnerAsync(Api, name);
        return (organisation, client);
    }

    public static async Task<(Person Owner, Guid Id, HttpClient Client)> VendorWithOwnerAsync(ApiFactory Api, string? name = null, bool withProfile = true)
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("vendor", name);
        var client = owner.Client(organisation);
        if (withProfile) await WriteVendorProfileAsync(client);
        return (owner, organisation, client);
    }

    /// <summary>
    /// An invoice-processing profile stating its fees (500,000 initial, 300,000 a month, 100 yen a document, 80 from the
    /// 1,000th) and two security practices (its answer library).
    /// </summary>
    public static async Task WriteVendorProfileAsync(HttpClient vendor) =>
        (await vendor.PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = $"prop-{Guid.NewGuid():N}"[..16], summary = "請求書発行の BPO です。", initialFeeYen = 500_000, monthlyBaseYen = 300_000,
            unitPrices = new[] { new { unit = "1 件", bands = new[] { new { fromQuantity = 0, priceYen = 100 }, new { fromQuantity = 1000, priceYen = 80 } } } },
            accessControl = AccessControlAnswer, incidentResponse = "1 時間以内に第一報を入れます。",
            serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "invoice-processing").Id },
        })).EnsureSuccessStatusCode();

    /// <summary>The working copy with every section filled.</summary>
    public static Dictionary<string, object?> Complete(JsonElement proposal, string summary)
    {
        var content = JsonSerializer.Deserialize<Dictionary<string, object?>>(proposal.GetProperty("content").GetRawText())!;
        content["summary"] = summary;
        content["kpis"] = new[] { new { metric = "期限遵守率", committed = 99.5m, note = "二重チェック" } };
        content["security"] = SecurityQuestionnaire.Questions.Select(q => new { code = q, answer = $"{TextCatalogue.In("ja", SecurityQuestionnaire.Question(q))}について回答します。" });
        content["transitionPlan"] = "1 か月の並走ののち切り替えます。";
        content["team"] = "専任 3 名、責任者 1 名。";
        content["exit"] = new { manualHandover = "手順書を引き渡します。", dataReturn = "CSV で返却し消去証明を出します。", supportMonths = 3 };
        return content;
    }
}
