using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Tests;

/// <summary>The vendor's side of a published RFP and the client's answers, invitations and addenda (the Api alone; the notices' delivery is the Workers' tests).</summary>
public sealed class RfpParticipation(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static Dictionary<string, object?> Content(string visibility, DateTimeOffset? questionDeadline = null) => new()
    {
        ["title"] = "経費精算の委託", ["purpose"] = "経費精算の処理を平準化する。", ["currentState"] = "月 800 件を経理部 2 名で処理。",
        ["scopeIn"] = new[] { "経費精算の点検" }, ["responsibilityBoundary"] = "申請までは当社、点検以降は受託者。",
        ["kpis"] = new[] { new { metric = "処理期限遵守率", unit = "%", target = 99m, direction = "higher" } },
        ["communication"] = "月次で報告会を行う。", ["transitionPlan"] = "1 か月の並走ののち切り替える。", ["contractTermMonths"] = 12,
        ["budgetMinYen"] = 100_000L, ["budgetMaxYen"] = 300_000L,
        ["expectedVolumes"] = new[] { new { item = "経費精算", unit = "件", monthlyQuantity = 800 } },
        ["questionDeadline"] = questionDeadline ?? DateTimeOffset.UtcNow.AddDays(7), ["proposalDeadline"] = DateTimeOffset.UtcNow.AddDays(20),
        ["visibility"] = visibility,
        ["evaluationAxes"] = EvaluationAxes.DefaultWeights().Select(a => new { code = a.Code, weight = a.Weight }),
        ["serviceIds"] = new[] { CatalogueSeed.Services.Single(s => s.Code == "bookkeeping").Id },
    };

    private async Task<(Person Owner, HttpClient Client, Guid Rfp)> PublishAsync(string visibility, DateTimeOffset? questionDeadline = null)
    {
        var (owner, _, client, id) = await PublishByAsync(visibility, questionDeadline);
        return (owner, client, id);
    }

    private async Task<(Person Owner, Guid Organisation, HttpClient Client, Guid Rfp)> PublishByAsync(string visibility, DateTimeOffset? questionDeadline = null)
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var client = owner.Client(organisation);
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "経費精算の委託" }))).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", Content(visibility, questionDeadline))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false })).EnsureSuccessStatusCode();
        return (owner, organisation, client, id);
    }

    /// <summary>A vendor listed in the marketplace (so it can be invited).</summary>
    private async Task<(Guid Id, HttpClient Client)> VendorAsync()
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("vendor");
        var client = owner.Client(organisation);
        (await client.PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = $"qa-{Guid.NewGuid():N}"[..16], summary = "経理・仕訳の BPO です。", monthlyBaseYen = 150_000,
            serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "bookkeeping").Id },
        })).EnsureSuccessStatusCode();
        return (organisation, client);
    }

    [Fact]
    public async Task An_invite_only_rfp_is_seen_by_invited_vendors_only_and_an_answer_reaches_every_participant_without_the_askers_name()
    {
        var (_, client, rfpId) = await PublishAsync("invited");
        var (askerId, asker) = await VendorAsync();
        var (_, other) = await VendorAsync();
        var (_, outsider) = await VendorAsync();

        // Before the invitation nobody sees it; afterwards only the invited do.
        Assert.Equal(HttpStatusCode.NotFound, (await asker.GetAsync($"/api/v1/vendor/rfps/{rfpId}")).StatusCode);
        var invitedIds = new[] { askerId, (await other.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile")).GetProperty("organisationId").GetGuid() };
        var activity = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = invitedIds }));
        Assert.Equal(2, activity.GetProperty("invitations").GetArrayLength());
        var feed = await asker.GetFromJsonAsync<JsonElement>("/api/v1/vendor/rfps");
        var item = Assert.Single(feed.EnumerateArray(), i => i.GetProperty("rfpId").GetGuid() == rfpId);
        Assert.True(item.GetProperty("invited").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/vendor/rfps/{rfpId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "見えますか" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).StatusCode);
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/vendor/rfps")).EnumerateArray(), i => i.GetProperty("rfpId").GetGuid() == rfpId);

        // Bad input changes nothing.
        var empty = await asker.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("question", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = new[] { Guid.NewGuid() } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = Array.Empty<Guid>() })).StatusCode);

        var asked = await asker.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "月末の件数の波はどの程度ですか。" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var questionId = (await JsonAsync(asked)).GetProperty("id").GetGuid();
        // Unanswered, it is the asker's alone.
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}")).GetProperty("questions").EnumerateArray());
        activity = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/activity");
        Assert.Equal(1, activity.GetProperty("participants").GetInt32()); // asking is taking part
        // The client reads the question, but not who asked it: that would say who takes part before the proposals open.
        Assert.Equal(JsonValueKind.Null, Assert.Single(activity.GetProperty("questions").EnumerateArray()).GetProperty("vendorName").ValueKind);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "" })).StatusCode);
        var answered = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "月末は平常月の 1.5 倍です。" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/clarifications", new { text = "領収書は電子で受け渡します。" })).EnsureSuccessStatusCode();

        var seenByOther = await other.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}");
        var shared = seenByOther.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(2, shared.Count);
        Assert.Equal("月末は平常月の 1.5 倍です。", shared[0].GetProperty("answer").GetString());
        Assert.False(shared[0].GetProperty("mine").GetBoolean());
        Assert.Equal(JsonValueKind.Null, shared[1].GetProperty("question").ValueKind); // the clarification
        // The asker's identity is nowhere in what another vendor reads.
        Assert.DoesNotContain(askerId.ToString(), seenByOther.GetRawText());
        Assert.True((await asker.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}")).GetProperty("questions")[0].GetProperty("mine").GetBoolean());

        // The answer and the clarification were sent, through the outbox, to the one participant (the asker).
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = owner.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox_messages WHERE organisation_id = @vendor AND payload::jsonb->>'type' = 'rfp.answered'";
        count.Parameters.AddWithValue("vendor", askerId);
        Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_question_after_the_question_deadline_is_refused_and_a_cancelled_rfp_takes_no_participants()
    {
        var (_, client, rfpId) = await PublishAsync("public", questionDeadline: DateTimeOffset.UtcNow.AddSeconds(2));
        var (_, vendor) = await VendorAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).StatusCode);
        await Eventually.True(async () => !(await vendor.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}")).GetProperty("canAsk").GetBoolean(),
            "the question deadline to pass");
        var late = await vendor.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "まだ間に合いますか。" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.False((await vendor.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}")).GetProperty("canAsk").GetBoolean());

        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/cancel", new { reason = "社内の方針変更のため" })).EnsureSuccessStatusCode();
        var seen = await vendor.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}");
        Assert.Equal("cancelled", seen.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("社内の方針変更のため", seen.GetProperty("cancellationReason").GetString());
        var (_, latecomer) = await VendorAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await latecomer.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/clarifications", new { text = "補足" })).StatusCode);
    }

    [Fact]
    public async Task An_addendum_makes_a_new_version_with_its_summary_and_a_bad_one_changes_nothing()
    {
        var (_, client, rfpId) = await PublishAsync("public");
        var (vendorId, vendor) = await VendorAsync();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).EnsureSuccessStatusCode();
        var content = Content("public");
        content["questionDeadline"] = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}")).GetProperty("content").GetProperty("questionDeadline").GetDateTimeOffset();
        content["proposalDeadline"] = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}")).GetProperty("content").GetProperty("proposalDeadline").GetDateTimeOffset();

        var noSummary = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        Assert.True((await JsonAsync(noSummary)).GetProperty("errors").TryGetProperty("changeSummary", out _));
        var unchanged = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content, changeSummary = "変更なし" });
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.StatusCode);
        Assert.True((await JsonAsync(unchanged)).GetProperty("errors").TryGetProperty("content", out _));
        var moreVisible = new Dictionary<string, object?>(content) { ["visibility"] = "invited", ["purpose"] = "変更" };
        var visibility = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content = moreVisible, changeSummary = "公開範囲" });
        Assert.True((await JsonAsync(visibility)).GetProperty("errors").TryGetProperty("visibility", out _));
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}")).GetProperty("version").GetInt32());

        var changed = new Dictionary<string, object?>(content)
        {
            ["expectedVolumes"] = new[] { new { item = "経費精算", unit = "件", monthlyQuantity = 1200 } },
            ["proposalDeadline"] = DateTimeOffset.UtcNow.AddDays(25),
        };
        var addendum = await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content = changed, changeSummary = "想定件数を月 1,200 件に、提案締切を延長しました。" });
        Assert.Equal(HttpStatusCode.OK, addendum.StatusCode);
        Assert.Equal(2, (await JsonAsync(addendum)).GetProperty("version").GetInt32());

        var seen = await vendor.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}");
        Assert.Equal(1200, seen.GetProperty("content").GetProperty("expectedVolumes")[0].GetProperty("monthlyQuantity").GetInt32());
        Assert.Equal(["想定件数を月 1,200 件に、提案締切を延長しました。"],
            seen.GetProperty("versions").EnumerateArray().Skip(1).Select(v => v.GetProperty("changeSummary").GetString()));
        Assert.Equal(2, seen.GetProperty("summary").GetProperty("version").GetInt32());

        // The Workers close it at the new deadline, and the participant is told of the addendum.
        await using var db = Database.Open();
        Assert.True(await db.RfpDeadlines.IgnoreQueryFilters().AnyAsync(d => d.RfpId == rfpId && d.ProposalDeadline > DateTimeOffset.UtcNow.AddDays(24)));
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = owner.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox_messages WHERE organisation_id = @vendor AND payload::jsonb->>'type' = 'rfp.addendum'";
        count.Parameters.AddWithValue("vendor", vendorId);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);

        // A draft has no addenda.
        var draft = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "下書き" }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/rfps/{draft}/addenda", new { content = changed, changeSummary = "x" })).StatusCode);
    }

    private static MultipartFormDataContent FileForm(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        return form;
    }

    [Fact]
    public async Task Attachments_follow_the_upload_rules_freeze_when_published_and_are_downloaded_only_by_vendors_that_see_the_rfp()
    {
        var owner = await People.SignedInAsync(Api);
        var client = owner.Client(await owner.CreateOrganisationAsync("client"));
        var rfpId = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "経費精算の委託" }))).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}", Content("invited"))).EnsureSuccessStatusCode();

        var pdf = "%PDF-1.4\n業務フロー\n%%EOF"u8.ToArray();
        var notPdf = await client.PostAsync($"/api/v1/rfps/{rfpId}/attachments", FileForm("<html>not a pdf</html>"u8.ToArray(), "flow.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, notPdf.StatusCode);
        Assert.True((await JsonAsync(notPdf)).GetProperty("errors").TryGetProperty("file", out _));
        var uploaded = await client.PostAsync($"/api/v1/rfps/{rfpId}/attachments", FileForm(pdf, "業務フロー.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await JsonAsync(uploaded)).GetProperty("id").GetGuid();
        Assert.Equal("業務フロー.pdf", Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}/attachments")).EnumerateArray()).GetProperty("fileName").GetString());

        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/publish", new { acknowledgeFindings = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/rfps/{rfpId}/attachments", FileForm(pdf, "追加.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/rfps/{rfpId}/attachments/{attachmentId}")).StatusCode);

        var (invitedId, invited) = await VendorAsync();
        var (_, outsider) = await VendorAsync();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = new[] { invitedId } })).EnsureSuccessStatusCode();
        var listed = Assert.Single((await invited.GetFromJsonAsync<JsonElement>($"/api/v1/vendor/rfps/{rfpId}")).GetProperty("attachments").EnumerateArray());
        Assert.Equal(attachmentId, listed.GetProperty("id").GetGuid());
        var download = await invited.GetAsync($"/api/v1/vendor/rfps/{rfpId}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/vendor/rfps/{rfpId}/attachments/{attachmentId}")).StatusCode);
    }

    [Fact]
    public async Task Every_match_can_be_listed_page_by_page_best_first_and_invited()
    {
        var (_, organisation, client, rfpId) = await PublishByAsync("invited");
        // 25 listed vendors, each its own organisation (one person sets them up, which the matches do not care about).
        var vendorOwner = await People.SignedInAsync(Api);
        var vendors = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            var vendor = await vendorOwner.CreateOrganisationAsync("vendor");
            (await vendorOwner.Client(vendor).PutAsJsonAsync("/api/v1/vendor-profile", new
            {
                slug = $"page-{Guid.NewGuid():N}"[..16], summary = "経理・仕訳の BPO です。",
                serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "bookkeeping").Id },
            })).EnsureSuccessStatusCode();
            vendors.Add(vendor);
        }
        // The Workers store matches (their own tests); here they are written as the matcher would, acting for the client:
        // the first vendor scores 90, the last 66.
        Assert.Equal(25, await Database.AsApplicationRoleAsync<int>(organisation, """
            WITH stored AS (
                INSERT INTO rfp_matches (rfp_id, vendor_id, client_organisation_id, version, score, reasons, matched_at)
                SELECT $1, v, $2, 1, 91 - n::int, '[]', now() FROM unnest($3::uuid[]) WITH ORDINALITY AS t(v, n) RETURNING 1)
            SELECT count(*)::int FROM stored
            """, [rfpId, organisation, vendors.ToArray()], commit: true));

        var first = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/matches?limit=10"));
        Assert.Equal((25, 0, 10), (first.GetProperty("total").GetInt32(), first.GetProperty("offset").GetInt32(), first.GetProperty("limit").GetInt32()));
        Assert.Equal(vendors.Take(10), first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("vendorId").GetGuid()));
        var all = await RfpMatches.AllAsync(client, rfpId);
        Assert.Equal(vendors, all.Select(m => m.GetProperty("vendorId").GetGuid())); // every one, once, best first
        var last = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/matches?offset=20&limit=10"));
        Assert.Equal(5, last.GetProperty("items").GetArrayLength());

        // The 25th is as invitable as the first, and then sees the invite-only RFP.
        var invited = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = new[] { vendors[^1] } }));
        Assert.Contains(invited.GetProperty("invitations").EnumerateArray(), i => i.GetProperty("vendorId").GetGuid() == vendors[^1]);
        Assert.Equal(HttpStatusCode.OK, (await vendorOwner.Client(vendors[^1]).GetAsync($"/api/v1/vendor/rfps/{rfpId}")).StatusCode);

        // A page that cannot be is a field error, not an empty answer.
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset") })
        {
            var bad = await client.GetAsync($"/api/v1/rfps/{rfpId}/matches?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await JsonAsync(bad)).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }
}
