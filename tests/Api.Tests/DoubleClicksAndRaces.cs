using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// Four identical requests at once, as a double click, two tabs or a retrying integration send them, on each
/// state-changing route of the procurement journey: never a 500, exactly one effect, and the others told what happened
/// (409 or 412 ProblemDetails, 404 for what is gone, or the first one's answer).
/// </summary>
public sealed class DoubleClicksAndRaces(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    /// <summary>Sends <paramref name="count"/> requests at the same moment (each built fresh) and returns the answers.</summary>
    private static async Task<HttpResponseMessage[]> AtOnceAsync(Func<Task<HttpResponseMessage>> send, int count = 4)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.WaitAsync();
            return await send();
        }).ToArray();
        start.Release(count);
        return await Task.WhenAll(requests);
    }

    /// <summary>No answer is a server error, and each refusal is ProblemDetails among the statuses that say what happened.</summary>
    private static async Task<int> SucceededAsync(HttpResponseMessage[] answers, params HttpStatusCode[] refusals)
    {
        foreach (var answer in answers)
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True((int)answer.StatusCode < 500, $"{(int)answer.StatusCode}: {body}");
            if (answer.IsSuccessStatusCode) continue;
            Assert.Contains(answer.StatusCode, refusals);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }
        return answers.Count(a => a.IsSuccessStatusCode);
    }

    /// <summary>A count as the application's role acting for <paramref name="organisation"/> (what it may see of its own rows).</summary>
    private static Task<long> CountAsync(Guid organisation, string sql, params object[] parameters) =>
        Database.AsApplicationRoleAsync<long>(organisation, sql, parameters);

    /// <summary>Messages in the outbox (no tenant's table: read as the schema owner) about an RFP.</summary>
    private static async Task<long> OutboxCountAsync(string sql, params object[] parameters)
    {
        await using var connection = await Database.OpenOwnerConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> OutboxCountAsync(string type, Guid rfpId) => OutboxCountAsync(
        "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%' || $1 || '%' AND payload->>'rfpId' = $2", type, rfpId.ToString());

    [Fact]
    public async Task A_draft_deleted_twice_at_once_is_deleted_once_and_the_others_find_it_gone()
    {
        var owner = await People.SignedInAsync(Api);
        var client = owner.Client(await owner.CreateOrganisationAsync("client"));
        var rfpId = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "削除する下書き" }))).GetProperty("id").GetGuid();
        var answers = await AtOnceAsync(() => client.DeleteAsync($"/api/v1/rfps/{rfpId}"));
        Assert.Equal(1, await SucceededAsync(answers, HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}")).StatusCode);
    }

    [Fact]
    public async Task A_new_rfp_with_one_idempotency_key_is_created_once_and_the_key_replays_its_answer()
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var client = owner.Client(organisation);
        var title = Database.UniqueName("二度押しの RFP");
        var key = Guid.NewGuid().ToString("N");
        HttpRequestMessage Create(string body) => new(HttpMethod.Post, "/api/v1/rfps")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Headers = { { "Idempotency-Key", key } },
        };
        var answers = await AtOnceAsync(() => client.SendAsync(Create(JsonSerializer.Serialize(new { title }))));
        Assert.InRange(await SucceededAsync(answers, HttpStatusCode.Conflict), 1, 4); // 409 while the first still runs, then its answer
        var created = answers.Where(a => a.IsSuccessStatusCode).Select(a => a.Headers.Location!.ToString()).Distinct();
        Assert.Single(created);
        await using (var db = Database.Open(organisation))
            Assert.Equal(1, db.Rfps.AsEnumerable().Count(r => r.Content.Title == title));

        // Later the same key gives the first answer again, marked as a replay; with another body it is refused.
        var again = await client.SendAsync(Create(JsonSerializer.Serialize(new { title })));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(created.Single(), again.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.SendAsync(Create(JsonSerializer.Serialize(new { title = "別の件名" })))).StatusCode);
        var badKey = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rfps") { Content = JsonContent.Create(new { title }), Headers = { { "Idempotency-Key", "短い" } } };
        Assert.True((await JsonAsync(await client.SendAsync(badKey))).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        // Another organisation's identical key is its own.
        var stranger = await People.SignedInAsync(Api);
        var theirs = await stranger.Client(await stranger.CreateOrganisationAsync("client")).SendAsync(Create(JsonSerializer.Serialize(new { title })));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_draft_saved_with_an_old_revision_is_refused_and_publishing_twice_at_once_publishes_once()
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var client = owner.Client(organisation);
        var created = await client.PostAsJsonAsync("/api/v1/rfps", new { title = "請求書発行の委託" });
        var rfpId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var revision = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"))).GetProperty("revision").GetString();
        Assert.Equal($"\"{revision}\"", created.Headers.ETag!.Tag);
        var content = RfpContent("public", DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddDays(20));

        HttpRequestMessage Save(string? ifMatch) => new(HttpMethod.Put, $"/api/v1/rfps/{rfpId}")
        {
            Content = JsonContent.Create(content), Headers = { { "If-Match", ifMatch ?? "*" } },
        };
        // Four tabs save what they read: one saves, the others are told it moved on.
        var saves = await AtOnceAsync(() => client.SendAsync(Save($"\"{revision}\"")));
        Assert.Equal(1, await SucceededAsync(saves, HttpStatusCode.PreconditionFailed));
        var stale = saves.First(a => a.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Contains("他の画面で変更されました", (await JsonAsync(stale)).GetProperty("title").GetString());
        // A save sent later with the old revision is refused too, and one with the new revision stands.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(Save($"\"{revision}\""))).StatusCode);
        var current = (await JsonAsync(saves.Single(a => a.IsSuccessStatusCode))).GetProperty("revision").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Save($"\"{current}\""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Save("\"not-a-revision\""))).StatusCode);

        var publishes = await AtOnceAsync(() => client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/publish", new { acknowledgeFindings = false }));
        Assert.Equal(1, await SucceededAsync(publishes, HttpStatusCode.Conflict));
        Assert.Equal(1, await OutboxCountAsync("RfpPublished", rfpId));
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM rfp_versions WHERE rfp_id = $1", rfpId));

        var addendum = ProposalScenarios.RfpContent("public", DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddDays(21));
        var published = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"));
        addendum["questionDeadline"] = published.GetProperty("content").GetProperty("questionDeadline").GetDateTimeOffset();
        var addenda = await AtOnceAsync(() => client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content = addendum, changeSummary = "提案締切を 1 日延ばしました。" }));
        Assert.Equal(1, await SucceededAsync(addenda, HttpStatusCode.Conflict, HttpStatusCode.BadRequest));
        Assert.Equal(2, await CountAsync(organisation, "SELECT count(*) FROM rfp_versions WHERE rfp_id = $1", rfpId));

        var cancels = await AtOnceAsync(() => client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/cancel", new { reason = "予算が凍結されました。" }));
        Assert.Equal(1, await SucceededAsync(cancels, HttpStatusCode.Conflict));
        Assert.Equal(1, await OutboxCountAsync("RfpCancelled", rfpId));
    }

    [Fact]
    public async Task Questions_answers_and_clarifications_sent_twice_at_once_are_shared_once()
    {
        var (_, organisation, client, rfpId) = await PublishByAsync(Api);
        var (vendorId, vendor) = await VendorAsync(Api);
        var key = Guid.NewGuid().ToString("N");
        HttpRequestMessage Ask() => new(HttpMethod.Post, $"/api/v1/vendor/rfps/{rfpId}/questions")
        {
            Content = JsonContent.Create(new { question = "再委託先の一覧を提出する必要はありますか。" }), Headers = { { "Idempotency-Key", key } },
        };
        Assert.InRange(await SucceededAsync(await AtOnceAsync(() => vendor.SendAsync(Ask())), HttpStatusCode.Conflict), 1, 4);
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM rfp_questions WHERE rfp_id = $1 AND question IS NOT NULL", rfpId));
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM rfp_participants WHERE rfp_id = $1 AND vendor_id = $2", rfpId, vendorId));

        var questionId = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/activity"))).GetProperty("questions")[0].GetProperty("id").GetGuid();
        var answers = await AtOnceAsync(() => client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "必要です。様式は任意です。" }));
        Assert.InRange(await SucceededAsync(answers, HttpStatusCode.Conflict), 1, 4);
        // The vendor is told of the answer once.
        Assert.Equal(1, await OutboxCountAsync(
            "SELECT count(*) FROM outbox_messages WHERE organisation_id = $1 AND payload->>'type' = 'rfp.answered' AND payload->'data'->>'rfpId' = $2", vendorId, rfpId.ToString()));

        var clarificationKey = Guid.NewGuid().ToString("N");
        HttpRequestMessage Clarify() => new(HttpMethod.Post, $"/api/v1/rfps/{rfpId}/clarifications")
        {
            Content = JsonContent.Create(new { text = "提出様式は PDF でお願いします。" }), Headers = { { "Idempotency-Key", clarificationKey } },
        };
        Assert.InRange(await SucceededAsync(await AtOnceAsync(() => client.SendAsync(Clarify())), HttpStatusCode.Conflict), 1, 4);
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM rfp_questions WHERE rfp_id = $1 AND question IS NULL", rfpId));

        var joins = await AtOnceAsync(() => vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null));
        Assert.Equal(4, await SucceededAsync(joins)); // taking part again changes nothing
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM rfp_participants WHERE rfp_id = $1 AND vendor_id = $2", rfpId, vendorId));
    }

    [Fact]
    public async Task A_proposal_started_submitted_withdrawn_and_reopened_twice_at_once_changes_once_each_time()
    {
        var (_, _, _, rfpId) = await PublishByAsync(Api);
        var (vendorId, vendor) = await VendorAsync(Api);
        var starts = await AtOnceAsync(() => vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        Assert.Equal(1, await SucceededAsync(starts, HttpStatusCode.Conflict));
        var started = await JsonAsync(starts.Single(a => a.IsSuccessStatusCode));
        var content = Complete(started, "二度押しでも一度だけの提案です。");
        var revision = started.GetProperty("revision").GetString();

        HttpRequestMessage Send(HttpMethod method, string path, object? body, string? ifMatch) => new(method, $"/api/v1/vendor/rfps/{rfpId}/proposal{path}")
        {
            Content = body is null ? null : JsonContent.Create(body), Headers = { { "If-Match", ifMatch is null ? "*" : $"\"{ifMatch}\"" } },
        };
        var saves = await AtOnceAsync(() => vendor.SendAsync(Send(HttpMethod.Put, "", content, revision)));
        Assert.Equal(1, await SucceededAsync(saves, HttpStatusCode.PreconditionFailed));
        revision = (await JsonAsync(saves.Single(a => a.IsSuccessStatusCode))).GetProperty("revision").GetString();

        // Submitted four times at once with what the vendor read: one version; submitted again without If-Match: still one
        // (the same content against the same RFP version is not a new version).
        var submits = await AtOnceAsync(() => vendor.SendAsync(Send(HttpMethod.Post, "/submit", null, revision)));
        Assert.Equal(1, await SucceededAsync(submits, HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).StatusCode);
        Assert.Equal(1, await CountAsync(vendorId, "SELECT count(*) FROM proposal_versions WHERE rfp_id = $1 AND vendor_id = $2", rfpId, vendorId));
        Assert.Equal(1, await CountAsync(vendorId, "SELECT count(*) FROM audit_entries WHERE organisation_id = $1 AND action = 'proposal.submitted'", vendorId));

        foreach (var (path, action) in new[] { ("/withdraw", "proposal.withdrawn"), ("/reopen", "proposal.reopened") })
        {
            var changes = await AtOnceAsync(() => vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal{path}", null));
            Assert.Equal(1, await SucceededAsync(changes, HttpStatusCode.Conflict));
            Assert.Equal(1, await CountAsync(vendorId, "SELECT count(*) FROM audit_entries WHERE organisation_id = $1 AND action = $2", vendorId, action));
        }
    }

    [Fact]
    public async Task The_evaluation_the_award_and_a_kpi_review_sent_twice_at_once_happen_once()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(8));
        var (vendorId, _) = await SubmittedProposalAsync(Api, rfpId, "採択される提案です。");
        var (evaluator, approver) = (await People.SignedInAsync(Api), await People.SignedInAsync(Api));
        await owner.AddMemberAsync(organisation, evaluator, "evaluator");
        await owner.AddMemberAsync(organisation, approver, "admin");
        await ProposalScenarios.UntilOpenAsync(client, rfpId);

        var panels = await AtOnceAsync(() => client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = false, evaluatorUserIds = new[] { evaluator.UserId } }));
        Assert.InRange(await SucceededAsync(panels, HttpStatusCode.Conflict), 1, 4);
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM rfp_evaluators WHERE rfp_id = $1", rfpId));
        Assert.Equal("evaluating", (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}"))).GetProperty("status").GetString());

        var scorer = evaluator.Client(organisation);
        var proposalId = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals")))[0].GetProperty("id").GetGuid();
        var axes = (await JsonAsync(await scorer.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard"))).GetProperty("axes").EnumerateArray()
            .Select(a => a.GetProperty("code").GetString()!).ToList();
        foreach (var axis in axes)
            Assert.InRange(await SucceededAsync(await AtOnceAsync(() => scorer.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard",
                new { proposalId, axis, score = 4, comment = "十分" })), HttpStatusCode.Conflict), 1, 4);
        Assert.Equal(axes.Count, await CountAsync(organisation, "SELECT count(*) FROM evaluation_scores WHERE rfp_id = $1", rfpId));
        var submits = await AtOnceAsync(() => scorer.PostAsync($"/api/v1/rfps/{rfpId}/evaluation/scorecard/submit", null));
        Assert.Equal(1, await SucceededAsync(submits, HttpStatusCode.Conflict));
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM audit_entries WHERE organisation_id = $1 AND action = 'evaluation.scorecard-submitted'", organisation));

        var consensus = await AtOnceAsync(() => client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus",
            new { proposalId, axis = axes[0], score = 5, reason = "実績が要件を大きく上回るため" }));
        Assert.InRange(await SucceededAsync(consensus, HttpStatusCode.Conflict), 1, 4);
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM consensus_scores WHERE rfp_id = $1", rfpId));

        var proposed = await AtOnceAsync(() => client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId, reason = "総合評価 1 位" }));
        Assert.Equal(1, await SucceededAsync(proposed, HttpStatusCode.Conflict));
        var decider = approver.Client(organisation);
        var approvals = await AtOnceAsync(() => decider.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "承認します" }));
        Assert.Equal(1, await SucceededAsync(approvals, HttpStatusCode.Conflict));
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM contracts WHERE rfp_id = $1", rfpId));
        Assert.Equal(1, await OutboxCountAsync(
            "SELECT count(*) FROM outbox_messages WHERE organisation_id = $1 AND payload->>'type' = 'rfp.awarded' AND payload->'data'->>'rfpId' = $2", vendorId, rfpId.ToString()));

        var contractId = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/award"))).GetProperty("current").GetProperty("contractId").GetGuid();
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM");
        var reviews = await AtOnceAsync(() => client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpi-reviews/{month}",
            new { actuals = new[] { new { metric = "期限遵守率", actual = 99.6m } }, comment = "順調" }));
        Assert.InRange(await SucceededAsync(reviews, HttpStatusCode.Conflict), 1, 4);
        Assert.Equal(1, await CountAsync(organisation, "SELECT count(*) FROM kpi_reviews WHERE contract_id = $1", contractId));
    }
}
