using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// The award through the Api: proposed by procurement, approved by a second person (never the proposer), the
/// contract it creates and the notices it sends, the KPI reviews both parties see, and the OCDS release package
/// validated against the official schemas at each stage.
/// </summary>
public sealed class Awards(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static async Task<JsonElement> OcdsAsync(HttpClient client, Guid rfpId)
    {
        var response = await client.GetAsync($"/api/v1/rfps/{rfpId}/ocds");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var errors = await OcdsSchemas.ErrorsAsync(json);
        Assert.True(errors.Count == 0, "The OCDS export does not validate:\n" + string.Join("\n", errors));
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public async Task The_schema_check_catches_a_release_that_breaks_the_standard()
    {
        var broken = new JsonObject
        {
            ["version"] = "1.1",
            ["releases"] = new JsonArray(new JsonObject
            {
                ["id"] = "1", ["date"] = "not a date", ["tag"] = new JsonArray(), ["initiationType"] = "tender",
                ["tender"] = new JsonObject { ["id"] = "t", ["status"] = "almost-done" },
            }),
        };
        var errors = await OcdsSchemas.ErrorsAsync(broken.ToJsonString());
        Assert.Contains(errors, e => e.Contains("ocid")); // required
        Assert.Contains(errors, e => e.Contains("date")); // format
        Assert.Contains(errors, e => e.Contains("tag")); // at least one
        Assert.Contains(errors, e => e.Contains("status")); // a closed codelist
    }

    [Fact]
    public async Task Procurement_proposes_a_second_person_approves_the_contract_follows_and_the_vendors_are_told()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(8));
        var (winnerId, winner) = await SubmittedProposalAsync(Api, rfpId, "採択される提案です。");
        var (loserId, loser) = await SubmittedProposalAsync(Api, rfpId, "高価な提案です。", c => c["fees"] = new { initialYen = 3_000_000, monthlyYen = 900_000 });
        var admin = await People.SignedInAsync(Api);
        var buyer = await People.SignedInAsync(Api);
        await owner.AddMemberAsync(organisation, admin, "admin");
        await owner.AddMemberAsync(organisation, buyer, "procurement");
        var (adminClient, buyerClient) = (admin.Client(organisation), buyer.Client(organisation));

        // Before the deadline: no award route answers, and OCDS carries the tender only (the bids are sealed).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/award")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = Guid.NewGuid(), reason = "早すぎる" })).StatusCode);
        var sealedOcds = await OcdsAsync(client, rfpId);
        var tenderRelease = sealedOcds.GetProperty("releases")[0];
        Assert.Equal("active", tenderRelease.GetProperty("tender").GetProperty("status").GetString());
        Assert.False(tenderRelease.TryGetProperty("bids", out _));
        Assert.DoesNotContain(winnerId.ToString(), sealedOcds.GetRawText());

        await ProposalScenarios.UntilOpenAsync(client, rfpId);
        var proposals = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals"));
        var winning = proposals.EnumerateArray().Single(p => p.GetProperty("vendorId").GetGuid() == winnerId).GetProperty("id").GetGuid();
        var losing = proposals.EnumerateArray().Single(p => p.GetProperty("vendorId").GetGuid() == loserId).GetProperty("id").GetGuid();

        // Closed but not in evaluation: no award yet.
        var tooEarly = await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = winning, reason = "最も安価" });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = false, evaluatorUserIds = new[] { buyer.UserId } })).EnsureSuccessStatusCode();

        // Bad proposals change nothing.
        var stranger = await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = Guid.NewGuid(), reason = "理由" });
        Assert.True((await JsonAsync(stranger)).GetProperty("errors").TryGetProperty("proposalId", out _));
        var noReason = await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = winning, reason = "" });
        Assert.True((await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/award"))).GetProperty("current").ValueKind);

        // The buyer proposes the dear one; the owner sends it back with a comment.
        Assert.Equal(HttpStatusCode.Created, (await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = losing, reason = "体制が手厚い" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await adminClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = winning, reason = "二重の起案" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "承認" })).StatusCode);
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/reject", new { comment = "費用差に見合う根拠が弱い" })).EnsureSuccessStatusCode();

        // The admin proposes the winner and may not approve it; the owner does.
        var proposed = await JsonAsync(await adminClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = winning, reason = "総合評価 1 位、総保有コスト最安" }));
        Assert.Equal("proposed", proposed.GetProperty("current").GetProperty("status").GetString());
        Assert.False(proposed.GetProperty("mayDecide").GetBoolean());
        Assert.Equal("rejected", proposed.GetProperty("history")[0].GetProperty("status").GetString());
        var selfApproval = await adminClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "自分で承認" });
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Contains("ご自身が起案した決定は承認できません", (await JsonAsync(selfApproval)).GetProperty("detail").GetString());
        Assert.True((await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/award"))).GetProperty("mayDecide").GetBoolean());
        var approved = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "承認します" }));
        Assert.Equal("awarded", approved.GetProperty("rfpStatus").GetString());
        var contractId = approved.GetProperty("current").GetProperty("contractId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "二度目" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await buyerClient.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = losing, reason = "やり直し" })).StatusCode);
        Assert.Equal("awarded", (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"))).GetProperty("status").GetString());

        // The vendors are told through the outbox: the winner its award, the other a courteous notice.
        await using (var db = await Database.OpenOwnerConnectionAsync())
        {
            await using var notices = db.CreateCommand();
            notices.CommandText = "SELECT organisation_id, payload::jsonb->>'type' FROM outbox_messages WHERE payload::jsonb->'data'->>'rfpId' = @rfp AND payload::jsonb->>'type' IN ('rfp.awarded', 'rfp.not-selected')";
            notices.Parameters.AddWithValue("rfp", rfpId.ToString());
            var sent = new List<(Guid, string)>();
            await using (var reader = await notices.ExecuteReaderAsync())
                while (await reader.ReadAsync()) sent.Add((reader.GetGuid(0), reader.GetString(1)));
            Assert.Equal([(winnerId, "rfp.awarded"), (loserId, "rfp.not-selected")], sent.OrderBy(s => s.Item2).ToList());
        }

        // The contract carries the winning proposal's fees and commitments; its two parties read it, nobody else.
        var contract = await JsonAsync(await client.GetAsync($"/api/v1/contracts/{contractId}"));
        Assert.Equal(500_000, contract.GetProperty("fees").GetProperty("initialYen").GetInt64());
        Assert.Equal(99.5m, contract.GetProperty("kpis")[0].GetProperty("committed").GetDecimal());
        Assert.Equal(10_484_000, contract.GetProperty("summary").GetProperty("totalYen").GetInt64());
        Assert.True(contract.GetProperty("mayReview").GetBoolean());
        Assert.Equal("vendor", (await JsonAsync(await winner.GetAsync($"/api/v1/contracts/{contractId}"))).GetProperty("summary").GetProperty("side").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await loser.GetAsync($"/api/v1/contracts/{contractId}")).StatusCode);
        Assert.Single((await JsonAsync(await winner.GetAsync("/api/v1/contracts"))).EnumerateArray());
        Assert.Empty((await JsonAsync(await loser.GetAsync("/api/v1/contracts"))).EnumerateArray());

        // KPI reviews: the client records, bad months and metrics change nothing, the vendor reads and cannot write.
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM");
        var review = new { actuals = new[] { new { metric = "期限遵守率", actual = 98.7m } }, comment = "月末に遅延 2 件", issues = "締め処理の集中", improvementActions = "前日チェックを追加" };
        Assert.Equal(HttpStatusCode.NotFound, (await winner.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/{month}", review)).StatusCode);
        Assert.True((await JsonAsync(await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/2026-13", review))).GetProperty("errors").TryGetProperty("month", out _));
        Assert.True((await JsonAsync(await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/2020-01", review))).GetProperty("errors").TryGetProperty("month", out _));
        var unknownMetric = await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/{month}", new { actuals = new[] { new { metric = "架空の指標", actual = 1m } } });
        Assert.True((await JsonAsync(unknownMetric)).GetProperty("errors").TryGetProperty("actuals[0].metric", out _));
        // A share outside 0 to 100 % is refused on the very field, naming the KPI, and records nothing.
        foreach (var impossible in new[] { -1m, 150m })
        {
            var refused = await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/{month}", new { actuals = new[] { new { metric = "期限遵守率", actual = impossible } } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("期限遵守率：0〜100 % の範囲で入力してください。", (await JsonAsync(refused)).GetProperty("errors").GetProperty("actuals[0].actual")[0].GetString());
        }
        Assert.Empty((await JsonAsync(await client.GetAsync($"/api/v1/contracts/{contractId}"))).GetProperty("reviews").EnumerateArray());
        var reviewed = await JsonAsync(await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/{month}", review));
        var result = reviewed.GetProperty("reviews")[0].GetProperty("results")[0];
        Assert.Equal(98.7m, result.GetProperty("actual").GetDecimal());
        Assert.False(result.GetProperty("met").GetBoolean()); // 98.7 % misses the committed 99.5 %
        Assert.Equal(1, reviewed.GetProperty("summary").GetProperty("missedLastReview").GetInt32());
        var seenByVendor = await JsonAsync(await winner.GetAsync($"/api/v1/contracts/{contractId}"));
        Assert.Equal("前日チェックを追加", seenByVendor.GetProperty("reviews")[0].GetProperty("improvementActions").GetString());
        Assert.False(seenByVendor.GetProperty("mayReview").GetBoolean());

        // OCDS now carries the bids, the award and the contract, and still validates.
        var ocds = await OcdsAsync(client, rfpId);
        var release = ocds.GetProperty("releases")[0];
        Assert.Equal("tender,award,contract", string.Join(",", release.GetProperty("tag").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal("complete", release.GetProperty("tender").GetProperty("status").GetString());
        Assert.Equal(2, release.GetProperty("bids").GetProperty("details").GetArrayLength());
        var award = release.GetProperty("awards")[0];
        Assert.Equal(winnerId.ToString(), award.GetProperty("suppliers")[0].GetProperty("id").GetString());
        Assert.Equal(winning.ToString(), award.GetProperty("relatedBids")[0].GetString());
        Assert.Equal(award.GetProperty("id").GetString(), release.GetProperty("contracts")[0].GetProperty("awardID").GetString());
        Assert.Equal(10_484_000, release.GetProperty("contracts")[0].GetProperty("value").GetProperty("amount").GetInt64());
        var download = await client.GetAsync($"/api/v1/rfps/{rfpId}/ocds?download=true");
        Assert.Equal($"ocds-{rfpId}.json", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
    }
}
