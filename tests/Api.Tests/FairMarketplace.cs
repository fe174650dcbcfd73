using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// The rules that make the marketplace fair (docs/domain.md, "Rules that make it a fair marketplace"), each tried
/// by the party that would gain from breaking it: the client opening bids early, an evaluator peeking, a vendor
/// learning about its rivals. Every party is a separate person in a separate organisation.
/// </summary>
public sealed class FairMarketplace(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static async Task WaitForTheDeadlineAsync(HttpClient client, Guid rfpId) =>
        await Task.Delay((await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/summary"))).GetProperty("opensAt").GetDateTimeOffset()
                         - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));

    [Fact]
    public async Task Each_party_sees_a_vendor_by_its_organisation_name_whether_or_not_it_is_listed_in_search()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(8));
        var unlistedName = Database.UniqueName("未掲載ベンダー株式会社");
        var listedName = Database.UniqueName("掲載ベンダー株式会社");
        var (_, unlistedId, _) = await SubmittedProposalByAsync(Api, rfpId, "プロフィール未掲載の提案です。", vendorName: unlistedName, listed: false);
        var (_, listedId, _) = await SubmittedProposalByAsync(Api, rfpId, "掲載済みの提案です。", vendorName: listedName);
        var (approver, evaluator) = (await People.SignedInAsync(Api), await People.SignedInAsync(Api));
        await owner.AddMemberAsync(organisation, approver, "admin");
        await owner.AddMemberAsync(organisation, evaluator, "evaluator");
        await WaitForTheDeadlineAsync(client, rfpId);

        var proposals = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals"))).EnumerateArray()
            .ToDictionary(p => p.GetProperty("vendorId").GetGuid(), p => (Id: p.GetProperty("id").GetGuid(), Name: p.GetProperty("vendorName").GetString()));
        Assert.Equal(unlistedName, proposals[unlistedId].Name);
        Assert.Equal(listedName, proposals[listedId].Name);
        var unlistedProposal = proposals[unlistedId].Id;
        Assert.Equal(unlistedName, (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/{unlistedProposal}")))
            .GetProperty("summary").GetProperty("vendorName").GetString());

        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = false, evaluatorUserIds = new[] { evaluator.UserId } })).EnsureSuccessStatusCode();
        var consensus = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus"));
        Assert.Contains(consensus.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("label").GetString() == unlistedName);
        var comparison = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison"));
        Assert.Contains(comparison.GetProperty("columns").EnumerateArray(), c => c.GetProperty("label").GetString() == unlistedName);
        var csv = Encoding.UTF8.GetString(await (await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains(unlistedName, csv.Split("\r\n")[0]);

        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = unlistedProposal, reason = "最も安価で要件を満たす" })).EnsureSuccessStatusCode();
        var award = await JsonAsync(await approver.Client(organisation).PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "承認" }));
        Assert.Equal(unlistedName, award.GetProperty("current").GetProperty("vendorName").GetString());
        var contractId = award.GetProperty("current").GetProperty("contractId").GetGuid();
        Assert.Equal(unlistedName, (await JsonAsync(await client.GetAsync($"/api/v1/contracts/{contractId}"))).GetProperty("summary").GetProperty("vendorName").GetString());

        // The OCDS release names every tenderer and the supplier, and so conforms to the schema (a name may not be empty).
        var ocdsJson = await (await client.GetAsync($"/api/v1/rfps/{rfpId}/ocds")).Content.ReadAsStringAsync();
        Assert.Empty(await OcdsSchemas.ErrorsAsync(ocdsJson));
        var release = JsonDocument.Parse(ocdsJson).RootElement.GetProperty("releases")[0];
        Assert.Contains(release.GetProperty("parties").EnumerateArray(), p => p.GetProperty("name").GetString() == unlistedName);
        Assert.Contains(release.GetProperty("tender").GetProperty("tenderers").EnumerateArray(), t => t.GetProperty("name").GetString() == unlistedName);
        Assert.Equal(unlistedName, release.GetProperty("awards")[0].GetProperty("suppliers")[0].GetProperty("name").GetString());
    }

    private static Dictionary<string, object?> ContentOf(JsonElement rfp) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(rfp.GetProperty("content").GetRawText())!;

    private static async Task AssertSealedAsync(HttpClient client, Guid rfpId)
    {
        Assert.True((await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/summary"))).GetProperty("sealed").GetBoolean());
        foreach (var path in new[] { "proposals", "evaluation", "comparison", "comparison/export?format=csv", "award" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/{path}")).StatusCode);
        Assert.False((await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/ocds"))).GetProperty("releases")[0].TryGetProperty("bids", out _));
    }

    [Fact]
    public async Task The_client_cannot_open_the_proposals_early_by_pulling_the_deadline_in_cancelling_or_publishing_again()
    {
        var (_, _, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromDays(7));
        await SubmittedProposalAsync(Api, rfpId, "封緘されたままの提案です。");
        var published = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"));
        var deadline = published.GetProperty("content").GetProperty("proposalDeadline").GetDateTimeOffset();
        var questions = published.GetProperty("content").GetProperty("questionDeadline").GetDateTimeOffset();

        // An addendum that pulls the deadline to a minute from now is refused, naming the field, and changes nothing.
        var content = ContentOf(published);
        content["proposalDeadline"] = DateTimeOffset.UtcNow.AddMinutes(1);
        var pulled = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "締切を早めます。" });
        Assert.Equal(HttpStatusCode.BadRequest, pulled.StatusCode);
        Assert.Contains("早められません", (await JsonAsync(pulled)).GetProperty("errors").GetProperty("proposalDeadline")[0].GetString());
        content["proposalDeadline"] = deadline;
        content["questionDeadline"] = questions.AddHours(-1);
        var questionsPulled = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "質問の締切を早めます。" });
        Assert.True((await JsonAsync(questionsPulled)).GetProperty("errors").TryGetProperty("questionDeadline", out _));
        var unchanged = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"));
        Assert.Equal((1, deadline), (unchanged.GetProperty("version").GetInt32(), unchanged.GetProperty("content").GetProperty("proposalDeadline").GetDateTimeOffset()));

        // A change a week before the deadline keeps it where it was (more than the three days an addendum must leave).
        content["questionDeadline"] = questions;
        content["purpose"] = "請求書発行を平準化し、締め日の残業をなくす。";
        var amended = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "目的を具体的にしました。" }));
        Assert.Equal((2, deadline), (amended.GetProperty("version").GetInt32(), amended.GetProperty("content").GetProperty("proposalDeadline").GetDateTimeOffset()));
        await AssertSealedAsync(client, rfpId);

        // Cancelling opens nothing, and neither does publishing the same RFP again as a copy.
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/cancel", new { reason = "社内で再検討します。" })).EnsureSuccessStatusCode();
        await AssertSealedAsync(client, rfpId);
        var copy = (await JsonAsync(await client.PostAsync($"/api/v1/rfps/{rfpId}/copy", null))).GetProperty("id").GetGuid();
        var again = ContentOf(await JsonAsync(await client.GetAsync($"/api/v1/rfps/{copy}")));
        (again["questionDeadline"], again["proposalDeadline"]) = (DateTimeOffset.UtcNow.AddSeconds(3), DateTimeOffset.UtcNow.AddSeconds(6));
        (await client.PutAsJsonAsync($"/api/v1/rfps/{copy}", again)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{copy}/publish", new { acknowledgeFindings = false })).EnsureSuccessStatusCode();
        await WaitForTheDeadlineAsync(client, copy);
        Assert.Empty((await JsonAsync(await client.GetAsync($"/api/v1/rfps/{copy}/proposals"))).EnumerateArray());
        await AssertSealedAsync(client, rfpId);
    }

    [Fact]
    public async Task An_addendum_close_to_the_deadline_moves_the_deadlines_later_to_leave_the_vendors_time()
    {
        var (_, _, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromHours(2));
        var content = ContentOf(await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}")));
        content["currentState"] = "月 1,500 件を 2 名で発行。";
        var before = DateTimeOffset.UtcNow;
        var amended = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "現状の件数を月 1,500 件に改めました。" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var after = (await JsonAsync(amended)).GetProperty("content");
        // Three days and one from the addendum, on the next whole minute.
        Assert.InRange(after.GetProperty("proposalDeadline").GetDateTimeOffset(), before.AddDays(3), DateTimeOffset.UtcNow.AddDays(3).AddMinutes(1));
        Assert.InRange(after.GetProperty("questionDeadline").GetDateTimeOffset(), before.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1));
        // The vendors see the deadline that now stands.
        var (_, vendor) = await VendorAsync(Api);
        var seen = (await JsonAsync(await vendor.GetAsync($"/api/v1/vendor/rfps/{rfpId}"))).GetProperty("summary");
        Assert.Equal(after.GetProperty("proposalDeadline").GetDateTimeOffset(), seen.GetProperty("proposalDeadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Before_the_proposals_open_the_client_reads_each_question_but_not_who_asked_and_no_vendor_learns_of_another()
    {
        var (_, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(10));
        var askerName = Database.UniqueName("質問するベンダー株式会社");
        var (askerId, asker) = await VendorAsync(Api, askerName);
        var (rivalId, rival) = await VendorAsync(Api);
        var asked = await JsonAsync(await asker.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "月末の件数の波はどの程度ですか。" }));
        var questionId = asked.GetProperty("id").GetGuid();
        (await rival.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).EnsureSuccessStatusCode();

        // The client: two participants, one question, and nothing that says who.
        var activity = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/activity"));
        Assert.Equal(2, activity.GetProperty("participants").GetInt32());
        Assert.Equal("月末の件数の波はどの程度ですか。", activity.GetProperty("questions")[0].GetProperty("question").GetString());
        foreach (var secret in new[] { askerName, askerId.ToString(), rivalId.ToString() }) Assert.DoesNotContain(secret, activity.GetRawText());
        var answered = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "月末は平常月の 1.5 倍です。" }));
        Assert.Equal(JsonValueKind.Null, answered.GetProperty("vendorName").ValueKind);

        // The rival reads the shared answer, and nothing of who asked it or who else takes part.
        var seenByRival = await JsonAsync(await rival.GetAsync($"/api/v1/vendor/rfps/{rfpId}"));
        Assert.Equal("月末は平常月の 1.5 倍です。", seenByRival.GetProperty("questions")[0].GetProperty("answer").GetString());
        foreach (var secret in new[] { askerName, askerId.ToString() }) Assert.DoesNotContain(secret, seenByRival.GetRawText());

        // The same as the application's database role: the answered question carries no asker, and who asked is the asker's alone.
        object[] rfp = [rfpId];
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(organisation, "SELECT count(*) FROM rfp_question_askers WHERE rfp_id = $1", rfp));
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(rivalId, "SELECT count(*) FROM rfp_question_askers WHERE rfp_id = $1", rfp));
        Assert.Equal(1L, await Database.AsApplicationRoleAsync<long>(rivalId, "SELECT count(*) FROM rfp_questions WHERE rfp_id = $1", rfp));
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(rivalId, "SELECT count(*) FROM rfp_participants WHERE rfp_id = $1 AND vendor_id <> $2", [rfpId, rivalId]));
        Assert.Equal(1L, await Database.AsApplicationRoleAsync<long>(askerId, "SELECT count(*) FROM rfp_question_askers WHERE rfp_id = $1", rfp));
        // Nor can a vendor pin its own question on a rival.
        var ownQuestion = await JsonAsync(await rival.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "再委託は可能ですか。" }));
        var pinned = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.AsApplicationRoleAsync<object>(rivalId,
            "INSERT INTO rfp_question_askers (question_id, rfp_id, client_organisation_id, vendor_id) VALUES ($1, $2, $3, $4) RETURNING 1",
            [Guid.NewGuid(), rfpId, organisation, askerId]));
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, pinned.SqlState);
        Assert.True(ownQuestion.GetProperty("mine").GetBoolean());

        // Once the proposals open, the client learns who asked.
        await WaitForTheDeadlineAsync(client, rfpId);
        var opened = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/activity"));
        Assert.Contains(opened.GetProperty("questions").EnumerateArray(), q => q.GetProperty("vendorName").GetString() == askerName);
        Assert.Equal(1L, await Database.AsApplicationRoleAsync<long>(organisation, "SELECT count(*) FROM rfp_question_askers WHERE rfp_id = $1 AND vendor_id = $2", [rfpId, askerId]));
    }
}
