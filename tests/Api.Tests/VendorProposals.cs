using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

/// <summary>A vendor's proposal through the Api: prefilled start, working copy, submit and revise, withdraw and reopen, the
/// deadline, bad input, and what the client may know before the deadline (a number).</summary>
public sealed class VendorProposals(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => ProposalScenarios.JsonAsync(response);

    private Task<(HttpClient Client, Guid Rfp)> PublishAsync(string visibility = "public", TimeSpan? untilDeadline = null) =>
        ProposalScenarios.PublishAsync(Api, visibility, untilDeadline);

    private Task<(Guid Id, HttpClient Client)> VendorAsync() => ProposalScenarios.VendorAsync(Api);

    private static Dictionary<string, object?> Complete(JsonElement proposal, string summary) => ProposalScenarios.Complete(proposal, summary);

    [Fact]
    public async Task A_vendor_starts_from_its_profile_submits_revises_and_the_client_sees_only_the_count()
    {
        var (client, rfpId) = await PublishAsync();
        var (_, vendor) = await VendorAsync();

        var started = await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var proposal = await JsonAsync(started);
        // Prefilled from the profile: the fees. Not the security answers: the answer library comes with a paid plan
        // (without Stripe every vendor is on Free; Workers.Tests' BillingThroughStripe shows them on Standard).
        Assert.Equal(300_000, proposal.GetProperty("content").GetProperty("fees").GetProperty("monthlyYen").GetInt64());
        Assert.Empty(proposal.GetProperty("content").GetProperty("security").EnumerateArray());
        // Its cost at the RFP's 1,200 invoices over 24 months: 500,000 + 300,000 × 24 + (1,000 × 100 + 200 × 80) × 24.
        Assert.Equal(10_484_000, proposal.GetProperty("cost").GetProperty("totalYen").GetInt64());
        // And at ±20 % volume (960 and 1,440 invoices): 10,004,000 and 10,944,800.
        Assert.Equal((10_004_000, 10_944_800), (proposal.GetProperty("sensitivity").GetProperty("volumeMinus20Yen").GetInt64(),
            proposal.GetProperty("sensitivity").GetProperty("volumePlus20Yen").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).StatusCode);
        // Proposing is taking part: the client counts the participant (not who).
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/activity")).GetProperty("participants").GetInt32());

        // Submitting a half-written proposal lists what is missing and submits nothing.
        var incomplete = await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await JsonAsync(incomplete)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kpi:期限遵守率", out _));
        Assert.Equal("体制が未記入です。", errors.GetProperty("team")[0].GetString());

        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(proposal, "初版"))).EnsureSuccessStatusCode();
        var first = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null));
        Assert.Equal("submitted", first.GetProperty("status").GetString());
        Assert.Empty(first.GetProperty("missing").EnumerateArray());
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(first, "改訂版"))).EnsureSuccessStatusCode();
        var revised = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null));
        var versions = revised.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.True(versions[1].GetProperty("receivedAt").GetDateTimeOffset() >= versions[0].GetProperty("receivedAt").GetDateTimeOffset());

        // The client: one proposal, sealed; nothing says whose.
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/proposals/summary");
        Assert.Equal(1, summary.GetProperty("submitted").GetInt32());
        Assert.True(summary.GetProperty("sealed").GetBoolean());
        // Every read of the proposals themselves is 404 until the deadline.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/{proposal.GetProperty("id").GetGuid()}")).StatusCode);
        // Nor can the client read it through the vendor's routes (404: its organisation is no vendor).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/vendor/rfps/{rfpId}/proposal")).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_proposal_is_not_counted_and_is_submitted_again_only_after_reopening()
    {
        var (client, rfpId) = await PublishAsync();
        var (_, vendor) = await VendorAsync();
        var proposal = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(proposal, "初版"))).EnsureSuccessStatusCode();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/withdraw", null)).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/proposals/summary")).GetProperty("submitted").GetInt32());
        var again = await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("提案を再開", (await JsonAsync(again)).GetProperty("detail").GetString());

        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/reopen", null)).EnsureSuccessStatusCode();
        var resubmitted = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null));
        Assert.Equal(2, resubmitted.GetProperty("submittedVersion").GetInt32());
        // The history tells the whole story in order, each step with its time.
        var history = resubmitted.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["submitted", "withdrawn", "reopened", "submitted"], history.Select(e => e.GetProperty("kind").GetString()));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() <= p.Second.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(2, history[3].GetProperty("number").GetInt32());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/proposals/summary")).GetProperty("submitted").GetInt32());
    }

    [Fact]
    public async Task An_addendum_asks_for_reconfirmation_which_a_new_submission_gives()
    {
        var (client, rfpId) = await PublishAsync();
        var (_, vendor) = await VendorAsync();
        var proposal = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(proposal, "初版"))).EnsureSuccessStatusCode();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();

        var content = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}")).GetProperty("content").GetRawText())!;
        content["purpose"] = JsonSerializer.SerializeToElement("請求書発行の締めを 2 営業日早める。");
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "目的を変更" })).EnsureSuccessStatusCode();

        var stale = await vendor.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}/proposal");
        Assert.True(stale.GetProperty("needsReconfirmation").GetBoolean());
        var reconfirmed = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null));
        Assert.False(reconfirmed.GetProperty("needsReconfirmation").GetBoolean());
        Assert.Equal(2, reconfirmed.GetProperty("versions")[1].GetProperty("rfpVersion").GetInt32());
    }

    [Theory]
    [InlineData("""{"monthlyYen": -1}""", "fees.monthlyYen")]
    [InlineData("""{"monthlyYen": 1.5}""", "fees.monthlyYen")]
    [InlineData("""{"unitPrices": [{"unit": "件", "bands": [{"fromQuantity": 0, "priceYen": 100}, {"fromQuantity": 0, "priceYen": 90}]}]}""", "fees.unitPrices[0].bands")]
    [InlineData("""{"unitPrices": [{"unit": "件", "bands": [{"fromQuantity": 100, "priceYen": 100}]}]}""", "fees.unitPrices[0].bands")]
    public async Task Bad_fees_are_refused_with_the_field_named_and_change_nothing(string fees, string field)
    {
        var (_, rfpId) = await PublishAsync();
        var (_, vendor) = await VendorAsync();
        var proposal = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        var body = $$$"""{"summary": "変更", "fees": {{{fees}}}, "kpis": [], "security": [], "exit": {}}""";
        var refused = await vendor.PutAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _), await refused.Content.ReadAsStringAsync());
        var unchanged = await vendor.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}/proposal");
        Assert.Equal(proposal.GetProperty("content").GetRawText(), unchanged.GetProperty("content").GetRawText());
    }

    [Fact]
    public async Task A_security_answer_sent_as_null_is_saved_as_empty_not_an_error()
    {
        var (_, rfpId) = await PublishAsync();
        var (_, vendor) = await VendorAsync();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).EnsureSuccessStatusCode();
        const string body = """{"fees": {}, "kpis": [], "security": [{"code": "accessControl", "answer": null}], "exit": {}}""";
        var saved = await vendor.PutAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("", (await JsonAsync(saved)).GetProperty("content").GetProperty("security")[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_uninvited_vendor_gets_404_for_an_invite_only_rfp()
    {
        var (_, rfpId) = await PublishAsync("invited");
        var (_, vendor) = await VendorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync($"/api/v1/vendor/rfps/{rfpId}/proposal")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).StatusCode);
    }

    [Fact]
    public async Task After_the_deadline_nothing_is_submitted_or_withdrawn_and_the_answer_names_the_deadline()
    {
        var (client, rfpId) = await PublishAsync(untilDeadline: TimeSpan.FromSeconds(6));
        var (_, vendor) = await VendorAsync();
        var proposal = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(proposal, "初版"))).EnsureSuccessStatusCode();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();
        var deadline = proposal.GetProperty("deadline").GetDateTimeOffset();
        await ProposalScenarios.UntilClosedAsync(vendor, rfpId);
        foreach (var action in new[] { "submit", "withdraw" })
        {
            var refused = await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/{action}", null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(deadline, (await JsonAsync(refused)).GetProperty("deadline").GetDateTimeOffset());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(proposal, "遅れた改訂"))).StatusCode);
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/proposals/summary");
        Assert.Equal((1, false), (summary.GetProperty("submitted").GetInt32(), summary.GetProperty("sealed").GetBoolean()));

        // Open now: procurement reads the proposal, its cost and flags; each read is on the record.
        var list = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/rfps/{rfpId}/proposals"))!;
        var listed = Assert.Single(list);
        Assert.Equal(10_484_000, listed.GetProperty("cost").GetProperty("totalYen").GetInt64());
        Assert.True(listed.GetProperty("conforms").GetBoolean());
        Assert.Empty(listed.GetProperty("flags").EnumerateArray()); // 99.5 % against 99 %, every volume priced, no extra charges
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/proposals/{proposal.GetProperty("id").GetGuid()}");
        Assert.Equal("初版", read.GetProperty("content").GetProperty("summary").GetString());
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit-log?action=proposal.");
        Assert.Equal(["proposal.read", "proposal.listed"], audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Take(2));
    }

    private static MultipartFormDataContent File(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    [Fact]
    public async Task Attachments_follow_the_upload_rules_go_into_the_submitted_version_and_stay_sealed_until_the_deadline()
    {
        var (client, rfpId) = await PublishAsync(untilDeadline: TimeSpan.FromSeconds(8));
        var (_, vendor) = await VendorAsync();
        var proposal = await JsonAsync(await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null));
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", Complete(proposal, "添付つきの提案"))).EnsureSuccessStatusCode();

        var pdf = "%PDF-1.4 導入事例"u8.ToArray();
        using (var form = File(pdf, "導入事例.pdf"))
        {
            var attached = await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments", form);
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
            Assert.Equal("導入事例.pdf", (await JsonAsync(attached)).GetProperty("content").GetProperty("attachments")[0].GetProperty("fileName").GetString());
        }
        using (var form = File("just text"u8.ToArray(), "notes.pdf"))
        {
            var refused = await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments", form);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty("file", out _));
        }
        // Saving the working copy (without the list) does not drop the file: only detaching does.
        var current = await JsonAsync(await vendor.GetAsync($"/api/v1/vendor/rfps/{rfpId}/proposal"));
        var content = Complete(current, "添付つきの提案（改）");
        content["attachments"] = Array.Empty<object>();
        var saved = await JsonAsync(await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", content));
        var attachmentId = saved.GetProperty("content").GetProperty("attachments")[0].GetProperty("id").GetGuid();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();
        Assert.Equal(pdf, await vendor.GetByteArrayAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments/{attachmentId}"));

        // Taken out of the working copy after submission: the submitted version still carries it.
        var detached = await JsonAsync(await vendor.DeleteAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments/{attachmentId}"));
        Assert.Empty(detached.GetProperty("content").GetProperty("attachments").EnumerateArray());

        var proposalId = proposal.GetProperty("id").GetGuid();
        var path = $"/api/v1/rfps/{rfpId}/proposals/{proposalId}/attachments/{attachmentId}";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode); // sealed
        await ProposalScenarios.UntilClosedAsync(vendor, rfpId);

        using (var form = File(pdf, "遅れた資料.pdf"))
            Assert.Equal(HttpStatusCode.Conflict, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments", form)).StatusCode);
        var read = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/{proposalId}"));
        Assert.Equal(attachmentId, read.GetProperty("content").GetProperty("attachments")[0].GetProperty("id").GetGuid());
        var downloaded = await client.GetAsync(path);
        Assert.Equal("application/pdf", downloaded.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await downloaded.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/{proposalId}/attachments/{Guid.NewGuid()}")).StatusCode);
    }
}
