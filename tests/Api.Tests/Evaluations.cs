using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// The client's evaluation through the Api: nothing before the deadline, the panel and blind mode, independent
/// scoring, the consensus, the comparison and its exports, and every refusal on the way.
/// </summary>
public sealed class Evaluations(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static readonly string[] ScoredAxes = EvaluationAxes.All.Select(a => a.Code).Where(c => c != EvaluationRules.CostAxis).ToArray();

    private static async Task<HttpResponseMessage> ScoreAsync(HttpClient evaluator, Guid rfpId, Guid proposalId, string axis, int score, string? comment = null) =>
        await evaluator.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard", new { proposalId, axis, score, comment });

    [Fact]
    public async Task Evaluators_score_independently_then_procurement_settles_the_consensus_and_compares()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(8));
        var (cheapVendor, _) = await SubmittedProposalAsync(Api, rfpId, "安価な提案です。");
        var (dearVendor, _) = await SubmittedProposalAsync(Api, rfpId, "手厚い提案です。",
            c => c["fees"] = new { initialYen = 2_000_000, monthlyYen = 600_000, extraChargeConditions = new[] { "月 2,000 件を超える場合" } });
        var first = await People.SignedInAsync(Api);
        var second = await People.SignedInAsync(Api);
        var viewer = await People.SignedInAsync(Api);
        await owner.AddMemberAsync(organisation, first, "evaluator");
        await owner.AddMemberAsync(organisation, second, "evaluator");
        await owner.AddMemberAsync(organisation, viewer, "viewer");
        var (one, two) = (first.Client(organisation), second.Client(organisation));

        // Sealed: every evaluation route is 404 before the deadline, even for the owner.
        foreach (var path in new[] { "evaluation", "evaluation/scorecard", "evaluation/consensus", "comparison", "comparison/export?format=xlsx" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation",
            new { blind = true, evaluatorUserIds = new[] { first.UserId } })).StatusCode);
        await ProposalScenarios.UntilOpenAsync(client, rfpId);

        // Not yet assigned: an evaluator reads nothing; a viewer may not even try; a viewer cannot be assigned.
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/api/v1/rfps/{rfpId}/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard")).StatusCode);
        var viewerAssigned = await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = true, evaluatorUserIds = new[] { viewer.UserId } });
        Assert.Equal(HttpStatusCode.BadRequest, viewerAssigned.StatusCode);
        Assert.True((await JsonAsync(viewerAssigned)).GetProperty("errors").TryGetProperty("evaluatorUserIds[0]", out _));
        Assert.Equal("published", (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"))).GetProperty("status").GetString());

        var panel = await JsonAsync(await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation",
            new { blind = true, evaluatorUserIds = new[] { first.UserId, second.UserId } }));
        Assert.Equal("evaluating", panel.GetProperty("status").GetString());
        Assert.Equal(2, panel.GetProperty("evaluators").GetArrayLength());
        Assert.Equal(ScoredAxes.Length, panel.GetProperty("scoredAxes").GetArrayLength());
        Assert.Equal("evaluating", (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"))).GetProperty("status").GetString());

        // Blind: the evaluator reads the proposals by letter, without the vendors' ids; procurement sees the names.
        var blindList = await JsonAsync(await one.GetAsync($"/api/v1/rfps/{rfpId}/proposals"));
        Assert.All(blindList.EnumerateArray(), p =>
        {
            Assert.StartsWith("提案 ", p.GetProperty("vendorName").GetString());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("vendorId").ValueKind);
        });
        var named = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals"));
        Assert.Contains(named.EnumerateArray(), p => p.GetProperty("vendorId").GetGuid() == cheapVendor);
        var cheap = named.EnumerateArray().Single(p => p.GetProperty("vendorId").GetGuid() == cheapVendor).GetProperty("id").GetGuid();
        var dear = named.EnumerateArray().Single(p => p.GetProperty("vendorId").GetGuid() == dearVendor).GetProperty("id").GetGuid();

        // Bad scores change nothing: out of range, the cost axis (scored by the rule), a proposal of no one, a viewer.
        var outOfRange = await ScoreAsync(one, rfpId, cheap, "security", 6);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.True((await JsonAsync(outOfRange)).GetProperty("errors").TryGetProperty("score", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await ScoreAsync(one, rfpId, cheap, "security", 0)).StatusCode);
        var cost = await ScoreAsync(one, rfpId, cheap, "cost", 3);
        Assert.True((await JsonAsync(cost)).GetProperty("errors").TryGetProperty("axis", out _));
        var stranger = await ScoreAsync(one, rfpId, Guid.NewGuid(), "security", 3);
        Assert.True((await JsonAsync(stranger)).GetProperty("errors").TryGetProperty("proposalId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(viewer.Client(organisation), rfpId, cheap, "security", 3)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(client, rfpId, cheap, "security", 3)).StatusCode); // the owner is not on the panel
        Assert.Empty((await JsonAsync(await one.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard"))).GetProperty("scores").EnumerateArray());

        // The first evaluator scores everything: the cheap proposal 4, the dear one 3, security 5 for the dear one.
        foreach (var axis in ScoredAxes)
        {
            (await ScoreAsync(one, rfpId, cheap, axis, 4, $"{axis} は十分")).EnsureSuccessStatusCode();
            (await ScoreAsync(one, rfpId, dear, axis, axis == "security" ? 5 : 3)).EnsureSuccessStatusCode();
        }
        // The second scores half: neither sees the other's scores yet.
        (await ScoreAsync(two, rfpId, cheap, "security", 2, "ログの保管期間が短い")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/api/v1/rfps/{rfpId}/comparison")).StatusCode);
        var twosCard = await JsonAsync(await two.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard"));
        Assert.Single(twosCard.GetProperty("scores").EnumerateArray());

        (await one.PostAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard/submit", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await ScoreAsync(one, rfpId, cheap, "security", 1)).StatusCode);
        // Submitted: the first sees the submitted scores (only their own so far); the second still sees nothing of theirs.
        var early = await JsonAsync(await one.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus"));
        Assert.Equal(1, early.GetProperty("submitted").GetInt32());
        Assert.All(early.GetProperty("cells").EnumerateArray(), c => Assert.Single(c.GetProperty("scores").EnumerateArray()));
        Assert.False(early.GetProperty("mayRecord").GetBoolean());

        var incomplete = await two.PostAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("未採点 13 件", (await JsonAsync(incomplete)).GetProperty("errors").GetProperty("scores")[0].GetString());
        foreach (var axis in ScoredAxes)
        {
            if (axis != "security") (await ScoreAsync(two, rfpId, cheap, axis, 4)).EnsureSuccessStatusCode();
            (await ScoreAsync(two, rfpId, dear, axis, 3)).EnsureSuccessStatusCode();
        }
        (await two.PostAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard/submit", null)).EnsureSuccessStatusCode();
        // Blind mode stays as it was once anyone has submitted.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation",
            new { blind = false, evaluatorUserIds = new[] { first.UserId, second.UserId } })).StatusCode);
        // Nor does a submitted evaluator leave the panel.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation",
            new { blind = true, evaluatorUserIds = new[] { first.UserId } })).StatusCode);

        // The consensus view: 4 and 2 on the cheap proposal's security are a disagreement (spread 2), mean 3.
        var view = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus"));
        Assert.True(view.GetProperty("mayRecord").GetBoolean());
        var security = view.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("proposalId").GetGuid() == cheap && c.GetProperty("axis").GetString() == "security");
        Assert.Equal(3m, security.GetProperty("mean").GetDecimal());
        Assert.Equal(2, security.GetProperty("spread").GetInt32());
        Assert.True(security.GetProperty("disagreement").GetBoolean());
        Assert.Contains(security.GetProperty("scores").EnumerateArray(), s => s.GetProperty("comment").GetString() == "ログの保管期間が短い");
        Assert.DoesNotContain(view.GetProperty("cells").EnumerateArray(), c => c.GetProperty("axis").GetString() != "security" && c.GetProperty("disagreement").GetBoolean());

        var noReason = await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus", new { proposalId = cheap, axis = "security", score = 3, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await one.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus",
            new { proposalId = cheap, axis = "security", score = 3, reason = "評価者は記録できない" })).StatusCode);
        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus",
            new { proposalId = cheap, axis = "security", score = 2, reason = "ログ保管 90 日は要件の 1 年に届かないため 2 とする" })).EnsureSuccessStatusCode();

        // The comparison: the cheap proposal scores 5 on cost by the rule, 4 on every judged axis but security (the consensus 2).
        var comparison = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison"));
        var columns = comparison.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("proposalId").GetGuid());
        var cheapAxes = columns[cheap].GetProperty("axes").EnumerateArray().ToDictionary(a => a.GetProperty("axis").GetString()!);
        Assert.Equal(5m, cheapAxes["cost"].GetProperty("score").GetDecimal());
        Assert.Equal("rule", cheapAxes["cost"].GetProperty("source").GetString());
        Assert.Equal(2m, cheapAxes["security"].GetProperty("score").GetDecimal());
        Assert.Equal("consensus", cheapAxes["security"].GetProperty("source").GetString());
        Assert.Equal(4m, cheapAxes["trackRecord"].GetProperty("score").GetDecimal());
        Assert.Equal("mean", cheapAxes["trackRecord"].GetProperty("source").GetString());
        // Hand computed: weights 15,10,15,15,10,10,15,10 → (15·4 + 10·4 + 15·2 + 15·4 + 10·4 + 10·4 + 15·5 + 10·4) / 100 = 3.85 → 77.0 points.
        Assert.Equal(77.0m, columns[cheap].GetProperty("weightedScore").GetDecimal());
        var dearCost = columns[dear].GetProperty("costScore").GetDecimal();
        var cheapTotal = columns[cheap].GetProperty("totalYen").GetInt64();
        var dearTotal = columns[dear].GetProperty("totalYen").GetInt64();
        Assert.Equal(Math.Round(5m * cheapTotal / dearTotal, 2, MidpointRounding.AwayFromZero), dearCost);
        // Dear: 3 on judged axes, security mean (5+3)/2 = 4, cost by the rule.
        var dearExpected = Math.Round((15 * 3 + 10 * 3 + 15 * 4m + 15 * 3 + 10 * 3 + 10 * 3 + 15 * dearCost + 10 * 3) / 100m * 20, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(dearExpected, columns[dear].GetProperty("weightedScore").GetDecimal());
        Assert.Equal(1, columns[cheap].GetProperty("rank").GetInt32());
        Assert.Equal(2, columns[dear].GetProperty("rank").GetInt32());
        Assert.Contains(columns[dear].GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "extraCharges");
        var rows = comparison.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var order = comparison.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("proposalId").GetGuid()).ToList();
        Assert.True(rows["total"].GetProperty("best")[order.IndexOf(cheap)].GetBoolean());
        Assert.False(rows["total"].GetProperty("best")[order.IndexOf(dear)].GetBoolean());
        Assert.True(rows["security"].GetProperty("best")[order.IndexOf(dear)].GetBoolean());
        // Reading the comparison is reading the proposals: on the record.
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit-log?action=proposal.");
        Assert.Equal("proposal.compared", audit.GetProperty("entries")[0].GetProperty("action").GetString());
        // A submitted evaluator sees it too, still blind.
        var blindComparison = await JsonAsync(await one.GetAsync($"/api/v1/rfps/{rfpId}/comparison"));
        Assert.All(blindComparison.GetProperty("columns").EnumerateArray(), c => Assert.StartsWith("提案 ", c.GetProperty("label").GetString()));

        // Exports: procurement only; CSV with the BOM and the names; Excel with the three sheets.
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=pdf")).StatusCode);
        var csv = await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csvBytes[..3]);
        var csvText = Encoding.UTF8.GetString(csvBytes[3..]);
        var csvLines = csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("項目,", csvLines[0]);
        Assert.EndsWith(",最良", csvLines[0]);
        Assert.Contains(csvLines, l => l.StartsWith("総保有コスト,"));
        Assert.Contains(csvLines, l => l.StartsWith("順位,"));
        var xlsx = await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=xlsx");
        Assert.Equal(Marketplace.Api.Features.Evaluations.ComparisonExport.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        using var workbook = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var workbookXml = await new StreamReader(workbook.GetEntry("xl/workbook.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("比較", workbookXml);
        Assert.Contains("採点", workbookXml);
        Assert.Contains("ログの保管期間が短い", await AllTextAsync(workbook));
        Assert.Contains("総保有コスト", await AllTextAsync(workbook));
    }

    private static async Task<string> AllTextAsync(ZipArchive workbook)
    {
        var text = new StringBuilder();
        foreach (var entry in workbook.Entries.Where(e => e.FullName.EndsWith(".xml")))
            text.Append(await new StreamReader(entry.Open()).ReadToEndAsync());
        return text.ToString();
    }
}
