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
        await ProposalScenarios.UntilOpenAsync(client, rfpId);

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

    /// <summary>Every secret is absent from the text (names, ids, prices: whatever the reader must not learn).</summary>
    private static void RevealsNone(string text, string where, params object[] secrets)
    {
        foreach (var secret in secrets)
            Assert.False(text.Contains(secret.ToString()!, StringComparison.Ordinal), $"{where} reveals {secret}");
    }

    private static async Task<string> TextAsync(HttpClient client, string path) => await (await client.GetAsync(path)).Content.ReadAsStringAsync();

    private static MultipartFormDataContent Pdf(string name) => new() { { new ByteArrayContent("%PDF-1.4 提案資料"u8.ToArray()), "file", name } };

    /// <summary>A vendor that starts, fills and (unless told not to) submits a proposal with one attached document.</summary>
    private async Task<(Guid Vendor, HttpClient Client, Guid Proposal, Guid Attachment)> ProposalWithDocumentAsync(Guid rfpId, string vendorName,
        Action<Dictionary<string, object?>>? change = null, bool submit = true)
    {
        var (vendorId, vendor) = await VendorAsync(Api, vendorName);
        var started = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        var content = Complete(started, "ダブルチェック体制で処理します。");
        change?.Invoke(content);
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", content)).EnsureSuccessStatusCode();
        using var form = Pdf("体制図.pdf");
        var attached = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments", form));
        var attachment = attached.GetProperty("content").GetProperty("attachments")[0].GetProperty("id").GetGuid();
        if (submit) (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();
        return (vendorId, vendor, started.GetProperty("id").GetGuid(), attachment);
    }

    [Fact]
    public async Task The_client_cannot_open_a_sealed_proposal_through_any_export_attachment_notification_or_its_audit_log()
    {
        var (_, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromDays(7));
        var vendorName = Database.UniqueName("封緘ベンダー株式会社");
        var (vendorId, _, proposalId, attachmentId) = await ProposalWithDocumentAsync(rfpId, vendorName,
            c => c["fees"] = new { initialYen = 1_234_567, monthlyYen = 345_678 });
        object[] secrets = [vendorName, vendorId, proposalId, attachmentId, "1234567", "345678"];

        // Every read the client has of proposals answers 404 while sealed, and none of its other reads tells anything.
        foreach (var path in new[] { "proposals", $"proposals/{proposalId}", $"proposals/{proposalId}/attachments/{attachmentId}", "evaluation",
                     "evaluation/scorecard", "evaluation/consensus", "comparison", "comparison/export?format=csv", "comparison/export?format=xlsx", "award" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId, reason = "先に決めたい" })).StatusCode);
        Assert.Equal(1, (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/summary"))).GetProperty("submitted").GetInt32()); // a count, never whose
        foreach (var path in new[] { $"/api/v1/rfps/{rfpId}", $"/api/v1/rfps/{rfpId}/ocds", $"/api/v1/rfps/{rfpId}/ocds?download=true", $"/api/v1/rfps/{rfpId}/activity",
                     $"/api/v1/rfps/{rfpId}/proposals/summary", "/api/v1/rfps", "/api/v1/notifications", "/api/v1/audit-log?limit=200", "/api/v1/contracts" })
            RevealsNone(await TextAsync(client, path), path, secrets);

        // As the application's database role: no proposal, version, document or vendor audit entry; the deadline does not come nearer.
        object[] rfp = [rfpId];
        foreach (var table in new[] { "proposals", "proposal_versions", "proposal_attachments" })
            Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(organisation, $"SELECT count(*) FROM {table} WHERE rfp_id = $1", rfp));
        const string proposalAudit = "SELECT count(*) FROM audit_entries WHERE object_id = $1";
        Assert.True(await Database.AsApplicationRoleAsync<long>(vendorId, proposalAudit, [proposalId.ToString()]) > 0); // the vendor's own record of it
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(organisation, proposalAudit, [proposalId.ToString()]));
        var pulled = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.AsApplicationRoleAsync<object>(organisation,
            "UPDATE rfp_listings SET proposal_deadline = now() - interval '1 second' WHERE rfp_id = $1 RETURNING 1", rfp));
        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, pulled.SqlState);
        Assert.Equal(1, await Database.AsApplicationRoleAsync<int>(organisation, "SELECT submitted_proposal_count($1)", rfp));
    }

    [Fact]
    public async Task An_evaluator_in_a_blind_evaluation_learns_no_vendor_name_and_no_colleagues_score_before_submitting()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(10));
        var (firstName, secondName) = (Database.UniqueName("一番手ベンダー株式会社"), Database.UniqueName("二番手ベンダー株式会社"));
        var (firstVendor, firstClient, firstProposal, firstDocument) = await ProposalWithDocumentAsync(rfpId, firstName);
        var (secondVendor, _, secondProposal, _) = await ProposalWithDocumentAsync(rfpId, secondName);
        (await firstClient.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "繁忙期の件数を教えてください。" })).EnsureSuccessStatusCode();
        var (one, two) = (await People.SignedInAsync(Api), await People.SignedInAsync(Api));
        await owner.AddMemberAsync(organisation, one, "evaluator");
        await owner.AddMemberAsync(organisation, two, "evaluator");
        await WaitForTheDeadlineAsync(client, rfpId);
        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = true, evaluatorUserIds = new[] { one.UserId, two.UserId } })).EnsureSuccessStatusCode();
        var (first, second) = (one.Client(organisation), two.Client(organisation));
        (await first.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard", new { proposalId = firstProposal, axis = "security", score = 5, comment = "一番手の記述が具体的" }))
            .EnsureSuccessStatusCode();
        (await second.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard", new { proposalId = secondProposal, axis = "security", score = 2 }))
            .EnsureSuccessStatusCode();

        // The second evaluator reads the proposals by letter and nothing anywhere names or identifies a vendor, nor
        // shows the first evaluator's score; the views of everyone's scores are refused.
        object[] vendors = [firstName, secondName, firstVendor, secondVendor];
        foreach (var path in new[] { "proposals", $"proposals/{firstProposal}", $"proposals/{secondProposal}", "evaluation", "evaluation/scorecard", "activity", "",
                     "proposals/summary" })
            RevealsNone(await TextAsync(second, $"/api/v1/rfps/{rfpId}/{path}".TrimEnd('/')), path, [.. vendors, "一番手の記述が具体的"]);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/api/v1/rfps/{rfpId}/proposals/{firstProposal}/attachments/{firstDocument}")).StatusCode);
        foreach (var path in new[] { "evaluation/consensus", "comparison", "comparison/export?format=csv", "award", "ocds", "ocds?download=true" })
            Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync($"/api/v1/rfps/{rfpId}/{path}")).StatusCode);
        Assert.Contains("ブラインド評価中", (await TextAsync(second, $"/api/v1/rfps/{rfpId}/ocds")));
        Assert.True((await JsonAsync(await second.GetAsync($"/api/v1/rfps/{rfpId}/activity"))).TryGetProperty("askersBlind", out var blindFlag) && blindFlag.GetBoolean());
        // Procurement still sees who asked and every name.
        var lead = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/activity"));
        Assert.Equal(firstName, lead.GetProperty("questions")[0].GetProperty("vendorName").GetString());
        Assert.Empty(await OcdsSchemas.ErrorsAsync(await TextAsync(client, $"/api/v1/rfps/{rfpId}/ocds")));

        // As the application's database role acting as each evaluator: only their own scores until they submit.
        object[] scoresOf(Person evaluator) => [rfpId, evaluator.UserId];
        const string others = "SELECT count(*) FROM evaluation_scores WHERE rfp_id = $1 AND user_id <> $2";
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(organisation, others, scoresOf(two), user: two.UserId));
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(organisation, others, scoresOf(one), user: one.UserId));
        Assert.Equal(1L, await Database.AsApplicationRoleAsync<long>(organisation, "SELECT count(*) FROM evaluation_scores WHERE rfp_id = $1 AND user_id = $2",
            scoresOf(two), user: two.UserId));
    }

    [Fact]
    public async Task A_vendor_learns_nothing_of_its_rivals_not_who_they_are_how_many_what_they_asked_or_what_they_charge()
    {
        var (_, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromDays(7));
        var rivalName = Database.UniqueName("競合ベンダー株式会社");
        var (rivalId, rival, rivalProposal, rivalDocument) = await ProposalWithDocumentAsync(rfpId, rivalName,
            c => c["fees"] = new { initialYen = 7_654_321, monthlyYen = 876_543 });
        var unanswered = "競合だけが知りたい、未回答の質問です。";
        (await rival.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = unanswered })).EnsureSuccessStatusCode();
        var (spyId, spy, _, _) = await ProposalWithDocumentAsync(rfpId, Database.UniqueName("詮索するベンダー株式会社"), submit: false);
        object[] secrets = [rivalName, rivalId, rivalProposal, rivalDocument, "7654321", "876543", unanswered];

        // Everything the spy can read as a vendor: its feed, the RFP, its own proposal; nothing of the rival, and no count.
        foreach (var path in new[] { "/api/v1/vendor/rfps", $"/api/v1/vendor/rfps/{rfpId}", $"/api/v1/vendor/rfps/{rfpId}/proposal", "/api/v1/notifications" })
        {
            var text = await TextAsync(spy, path);
            RevealsNone(text, path, secrets);
            Assert.DoesNotContain("\"participants\"", text);
            Assert.DoesNotContain("\"submitted\":", text);
        }
        // The client's routes, with the vendor's own organisation: 404 each (the RFP is not the vendor's).
        foreach (var path in new[] { "", "/proposals", $"/proposals/{rivalProposal}", $"/proposals/{rivalProposal}/attachments/{rivalDocument}", "/proposals/summary",
                     "/activity", "/ocds", "/comparison", "/matches" })
            Assert.Equal(HttpStatusCode.NotFound, (await spy.GetAsync($"/api/v1/rfps/{rfpId}{path}")).StatusCode);

        // As the application's database role acting for the spy: none of the rival's rows, not even their number.
        object[] rivalRows = [rfpId, spyId];
        foreach (var table in new[] { "proposals", "proposal_versions", "proposal_attachments", "rfp_participants", "rfp_question_askers", "rfp_matches" })
            Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(spyId, $"SELECT count(*) FROM {table} WHERE rfp_id = $1 AND vendor_id <> $2", rivalRows));
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(spyId, "SELECT count(*) FROM rfp_questions WHERE rfp_id = $1 AND answer IS NULL", [rfpId]));
        Assert.Equal(0, await Database.AsApplicationRoleAsync<int>(spyId, "SELECT submitted_proposal_count($1)", [rfpId]));
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(spyId, "SELECT count(*) FROM audit_entries WHERE organisation_id = $1", [rivalId]));
        // The client, for its part, counts one submitted proposal (the spy has not submitted).
        Assert.Equal(1, await Database.AsApplicationRoleAsync<int>(organisation, "SELECT submitted_proposal_count($1)", [rfpId]));
    }

    [Fact]
    public async Task Nobody_approves_their_own_award_not_through_the_api_nor_the_database()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(6));
        await SubmittedProposalAsync(Api, rfpId, "自己承認を試される提案です。");
        var evaluator = await People.SignedInAsync(Api);
        await owner.AddMemberAsync(organisation, evaluator, "evaluator");
        await WaitForTheDeadlineAsync(client, rfpId);
        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = false, evaluatorUserIds = new[] { evaluator.UserId } })).EnsureSuccessStatusCode();
        var proposalId = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals")))[0].GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId, reason = "唯一の提案で要件を満たす" })).EnsureSuccessStatusCode();

        // The owner proposed: approving it is refused, twice over (a double click), and the award still waits.
        foreach (var _ in new[] { 1, 2 })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "自分で承認" })).StatusCode);
        var state = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/award"));
        Assert.Equal("proposed", state.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal("evaluating", (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"))).GetProperty("status").GetString());

        // As the application's database role the same: an approved award decided by its proposer violates a check.
        var approved = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.AsApplicationRoleAsync<object>(organisation,
            "UPDATE rfp_awards SET status = 'Approved', decided_by = proposed_by, decided_at = now() WHERE rfp_id = $1 RETURNING 1", [rfpId]));
        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, approved.SqlState);
        var undecided = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.AsApplicationRoleAsync<object>(organisation,
            "UPDATE rfp_awards SET status = 'Approved', decided_by = NULL WHERE rfp_id = $1 RETURNING 1", [rfpId]));
        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, undecided.SqlState);
        Assert.Equal(0L, await Database.AsApplicationRoleAsync<long>(organisation, "SELECT count(*) FROM contracts WHERE rfp_id = $1", [rfpId]));
    }

    [Fact]
    public async Task A_proposal_is_not_submitted_changed_or_started_after_the_deadline_through_the_api_nor_the_database()
    {
        var (_, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(6));
        var (lateId, late, lateProposal, _) = await ProposalWithDocumentAsync(rfpId, Database.UniqueName("遅刻ベンダー株式会社"), submit: false);
        var (onTimeId, onTime, onTimeProposal, _) = await ProposalWithDocumentAsync(rfpId, Database.UniqueName("期限内ベンダー株式会社"));
        var (strangerId, stranger) = await VendorAsync(Api);
        await WaitForTheDeadlineAsync(client, rfpId);

        // Through the Api: submitting, editing, withdrawing and starting are refused with the deadline named; nothing changes.
        var submitted = await late.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, submitted.StatusCode);
        Assert.True((await JsonAsync(submitted)).TryGetProperty("deadline", out _));
        var working = await JsonAsync(await onTime.GetAsync($"/api/v1/vendor/rfps/{rfpId}/proposal"));
        Assert.Equal(HttpStatusCode.Conflict, (await onTime.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(working, "締切後の書き換え"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await onTime.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/withdraw", null)).StatusCode);
        Assert.True((await stranger.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound);
        var received = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals"));
        Assert.Equal([onTimeProposal], received.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));

        // As the application's database role: row-level security refuses each of the same writes.
        async Task RefusedAsync(Guid vendor, string sql, object[] parameters)
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.AsApplicationRoleAsync<object>(vendor, sql, parameters));
            Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        await RefusedAsync(lateId, "UPDATE proposals SET status = 'Submitted', submitted_version = 1, submitted_at = now() WHERE id = $1 RETURNING 1", [lateProposal]);
        await RefusedAsync(onTimeId, "UPDATE proposals SET content = jsonb_set(content, '{summary}', '\"締切後\"') WHERE id = $1 RETURNING 1", [onTimeProposal]);
        await RefusedAsync(lateId, """
            INSERT INTO proposal_versions (proposal_id, number, rfp_id, vendor_id, client_organisation_id, rfp_version, content, received_at)
            SELECT id, 1, rfp_id, vendor_id, client_organisation_id, rfp_version, content, now() - interval '1 day' FROM proposals WHERE id = $1 RETURNING 1
            """, [lateProposal]);
        await RefusedAsync(strangerId, """
            INSERT INTO proposals (id, rfp_id, vendor_id, client_organisation_id, status, content, submitted_version, rfp_version, submitted_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, 'Submitted', '{}'::jsonb, 1, 1, now(), now(), now()) RETURNING 1
            """, [Guid.NewGuid(), rfpId, strangerId, organisation]);
    }
}
