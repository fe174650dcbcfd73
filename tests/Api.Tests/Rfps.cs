using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class Rfps(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private async Task<(Person Owner, Guid Organisation, HttpClient Client)> ClientOrganisationAsync()
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        return (owner, organisation, owner.Client(organisation));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A complete RFP (every rule holds) with the given extra sentence in its communication design.</summary>
    private static object Complete(string communication = "窓口は双方 1 名とし、月次で報告会を行う。") => new
    {
        title = "給与計算業務の委託",
        purpose = "給与計算の属人化を解消し、ミス率を下げる。",
        currentState = "月 350 名分を人事部 2 名で処理している。",
        scopeIn = new[] { "月次給与計算", "年末調整" },
        scopeOut = new[] { "人事評価" },
        responsibilityBoundary = "勤怠データの確定までは当社、以降の計算と明細作成は受託者。",
        kpis = new[] { new { metric = "期限遵守率", unit = "%", target = 99.5m, direction = "higher" } },
        communication,
        transitionPlan = "2 か月の並走期間ののち切り替える。",
        requiredCertifications = new[] { "pmark" },
        certificationsValidThroughContractEnd = true,
        contractTermMonths = 24,
        budgetMinYen = 200_000L,
        budgetMaxYen = 400_000L,
        expectedVolumes = new[] { new { item = "給与計算", unit = "名", monthlyQuantity = 350 } },
        questionDeadline = DateTimeOffset.UtcNow.AddDays(10),
        proposalDeadline = DateTimeOffset.UtcNow.AddDays(30),
        visibility = "public",
        evaluationAxes = Marketplace.Core.Rfps.EvaluationAxes.DefaultWeights().Select(a => new { code = a.Code, weight = a.Weight }),
        serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "payroll").Id },
    };

    [Fact]
    public async Task A_draft_started_from_checked_tasks_is_prefilled_and_lists_what_stops_publishing()
    {
        var (_, _, client) = await ClientOrganisationAsync();
        var task = await JsonAsync(await client.PostAsJsonAsync("/api/v1/work-inventory/tasks", new
        {
            name = "月次給与計算", department = "人事部", frequency = "monthly", hoursPerMonth = 60, monthlyVolume = 350, volumeUnit = "名", expertise = "medium", substitutability = "hard",
        }));
        var taskId = task.GetProperty("id").GetGuid();
        await client.PutAsJsonAsync($"/api/v1/work-inventory/tasks/{taskId}/check", new { yes = new[] { "standardisable", "seasonal", "confidentialData" } });

        var created = await client.PostAsJsonAsync("/api/v1/rfps", new { fromTaskIds = new[] { taskId } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rfp = await JsonAsync(created);
        var content = rfp.GetProperty("content");
        Assert.Equal("月次給与計算の委託", content.GetProperty("title").GetString());
        Assert.Equal(["月次給与計算"], content.GetProperty("scopeIn").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(350, content.GetProperty("expectedVolumes")[0].GetProperty("monthlyQuantity").GetInt32());
        Assert.Equal(CatalogueSeed.Services.Single(s => s.Code == "payroll").Id, content.GetProperty("serviceIds")[0].GetGuid());
        Assert.Equal(["isms"], content.GetProperty("requiredCertifications").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("月 60 時間", content.GetProperty("currentState").GetString());
        Assert.Equal(100, content.GetProperty("evaluationAxes").EnumerateArray().Sum(a => a.GetProperty("weight").GetInt32()));
        Assert.Equal(19, rfp.GetProperty("readinessOpen").GetArrayLength()); // the core/non-core item is done
        var problems = rfp.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "purpose", "kpis", "questionDeadline", "proposalDeadline", "contractTermMonths", "budgetMaxYen" }, problems);

        // Someone else's task cannot be used.
        var (_, _, other) = await ClientOrganisationAsync();
        var refused = await other.PostAsJsonAsync("/api/v1/rfps", new { fromTaskIds = new[] { taskId } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Publishing_lists_every_problem_at_once_and_a_bad_draft_save_changes_nothing()
    {
        var (_, _, client) = await ClientOrganisationAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "問い合わせ窓口の委託" }))).GetProperty("id").GetGuid();

        var badSave = await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new
        {
            title = "問い合わせ窓口の委託", visibility = "everyone", budgetMinYen = 500_000L, budgetMaxYen = 100_000L, contractTermMonths = 0,
            kpis = new[] { new { metric = "応答率", unit = "%", target = 90m, direction = "sideways" } },
            evaluationAxes = new[] { new { code = "cost", weight = 100 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badSave.StatusCode);
        var fields = (await JsonAsync(badSave)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "visibility", "budgetMaxYen", "contractTermMonths", "kpis[0].direction", "evaluationAxes" }, fields);
        Assert.Equal(8, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{id}")).GetProperty("content").GetProperty("evaluationAxes").GetArrayLength());

        // Lists sent as null read as empty; a null item or null weights are field errors, never a 500.
        using var nulls = new StringContent("""{"title":"t","scopeIn":null,"kpis":null,"regions":null,"serviceIds":null,"evaluationAxes":null}""",
            System.Text.Encoding.UTF8, "application/json");
        var nullSave = await client.PutAsync($"/api/v1/rfps/{id}", nulls);
        Assert.Equal(HttpStatusCode.BadRequest, nullSave.StatusCode);
        Assert.Equal(["evaluationAxes"], (await JsonAsync(nullSave)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        using var nullItems = new StringContent("""{"title":"t","scopeIn":null,"kpis":[null],"regions":[null],"expectedVolumes":[null]}""",
            System.Text.Encoding.UTF8, "application/json");
        var nullItemSave = await client.PutAsync($"/api/v1/rfps/{id}", nullItems);
        Assert.Equal(HttpStatusCode.BadRequest, nullItemSave.StatusCode);
        Assert.Superset(new HashSet<string> { "kpis", "regions", "expectedVolumes" },
            (await JsonAsync(nullItemSave)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new { title = "t", scopeIn = (string[]?)null, kpis = (object[]?)null })).StatusCode);

        // Deadlines in the past and out of order, weights that do not sum to 100: all reported together.
        var axes = Marketplace.Core.Rfps.EvaluationAxes.DefaultWeights().Select(a => new { code = a.Code, weight = a.Code == "cost" ? 30 : a.Weight });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new
        {
            title = "問い合わせ窓口の委託", questionDeadline = DateTimeOffset.UtcNow.AddDays(-1), proposalDeadline = DateTimeOffset.UtcNow.AddDays(-2), evaluationAxes = axes,
        })).StatusCode);
        var publish = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false });
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var errors = (await JsonAsync(publish)).GetProperty("errors");
        Assert.Contains(errors.GetProperty("questionDeadline").EnumerateArray(), m => m.GetString() == "質問の締切は現在より後にしてください。");
        Assert.Contains(errors.GetProperty("questionDeadline").EnumerateArray(), m => m.GetString() == "質問の締切は提案の締切より前にしてください。");
        Assert.Equal("評価軸の重みの合計を 100 にしてください（現在 115）。", errors.GetProperty("evaluationAxes")[0].GetString());
        Assert.True(errors.TryGetProperty("kpis", out _));
        Assert.True(errors.TryGetProperty("purpose", out _));
        Assert.Equal("draft", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_keeps_half_filled_rows_bounds_every_number_in_the_readers_language_and_publishing_names_the_missing_parts()
    {
        var (_, _, client) = await ClientOrganisationAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "給与計算業務の委託" }))).GetProperty("id").GetGuid();

        // An empty KPI row and a volume without its quantity are part of a draft: the rest of what was typed is kept with them.
        var half = await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new
        {
            title = "給与計算業務の委託", purpose = "属人化の解消",
            kpis = new object[] { new { metric = "期限遵守率", unit = "%", target = 99.5m, direction = "higher" }, new { metric = "", unit = "%", target = (decimal?)null, direction = (string?)null } },
            expectedVolumes = new[] { new { item = "給与計算", unit = "名", monthlyQuantity = (long?)null } },
        });
        Assert.Equal(HttpStatusCode.OK, half.StatusCode);
        var saved = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{id}")).GetProperty("content");
        Assert.Equal("属人化の解消", saved.GetProperty("purpose").GetString());
        Assert.Equal(2, saved.GetProperty("kpis").GetArrayLength());

        // Out of bounds: a field error on the very field, in Japanese by default and in English when asked; nothing changes.
        var tooMany = await client.PutAsJsonAsync($"/api/v1/rfps/{id}", new
        {
            title = "変更されないはず", expectedVolumes = new[] { new { item = "給与計算", unit = "名", monthlyQuantity = 1_000_000_000_000L } },
            kpis = new[] { new { metric = "ミス率", unit = "%", target = 1e12m, direction = "sideways" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var errors = (await JsonAsync(tooMany)).GetProperty("errors");
        Assert.Equal("月間数量は 0 以上 1,000,000,000 以下で入力してください。", errors.GetProperty("expectedVolumes[0].monthlyQuantity")[0].GetString());
        Assert.Equal("KPI の目標値は -999,999,999 以上 999,999,999 以下で入力してください。", errors.GetProperty("kpis[0].target")[0].GetString());
        Assert.Equal("KPI の方向は「高いほど良い」、「低いほど良い」から選んでください。", errors.GetProperty("kpis[0].direction")[0].GetString());
        Assert.Equal("給与計算業務の委託", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{id}")).GetProperty("content").GetProperty("title").GetString());

        // A number that does not fit the JSON type at all is a field error too, not a complaint about the body.
        using var huge = new StringContent("""{"title":"t","expectedVolumes":[{"item":"a","unit":"件","monthlyQuantity":1e30}]}""", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rfps/{id}") { Content = huge };
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("en");
        var overflow = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);
        var overflowBody = await JsonAsync(overflow);
        Assert.Equal("Some fields need correcting.", overflowBody.GetProperty("title").GetString());
        Assert.StartsWith("This value cannot be read for this field. For a number", overflowBody.GetProperty("errors").GetProperty("expectedVolumes[0].monthlyQuantity")[0].GetString());

        // Publishing names each missing part of each row, in words.
        var publish = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false });
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var problems = (await JsonAsync(publish)).GetProperty("errors");
        Assert.Equal("KPI 2 行目：指標名を入力してください。", problems.GetProperty("kpis[1].metric")[0].GetString());
        Assert.Equal("KPI 2 行目：「高いほど良い」か「低いほど良い」かを選んでください。", problems.GetProperty("kpis[1].direction")[0].GetString());
        Assert.Equal("想定ボリューム 1 行目：月間数量を入力してください。", problems.GetProperty("expectedVolumes[0].monthlyQuantity")[0].GetString());
        Assert.False(problems.TryGetProperty("kpis[0].metric", out _));
    }

    [Fact]
    public async Task A_disguised_contracting_finding_needs_an_acknowledgement_that_is_audited_and_the_life_cycle_refuses_illegal_moves()
    {
        var (_, _, client) = await ClientOrganisationAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { }))).GetProperty("id").GetGuid();
        await client.PutAsJsonAsync($"/api/v1/rfps/{id}", Complete("受託者の作業者は当社社員の指示に従って作業すること。"));
        var draft = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{id}");
        Assert.Equal(0, draft.GetProperty("problems").GetArrayLength());
        var finding = Assert.Single(draft.GetProperty("findings").EnumerateArray());
        Assert.Equal("directInstructions", finding.GetProperty("ruleCode").GetString());
        Assert.Equal("受託者の作業者は当社社員の指示に従って作業すること。", finding.GetProperty("sentence").GetString());

        var unacknowledged = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = false });
        Assert.Equal(HttpStatusCode.BadRequest, unacknowledged.StatusCode);
        Assert.Contains("偽装請負", (await JsonAsync(unacknowledged)).GetProperty("errors").GetProperty("acknowledgeFindings")[0].GetString());

        var published = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publishedRfp = await JsonAsync(published);
        Assert.Equal(("published", 1), (publishedRfp.GetProperty("status").GetString(), publishedRfp.GetProperty("version").GetInt32()));
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit-log");
        var entry = audit.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "rfp.published");
        Assert.Equal("受託者の作業者は当社社員の指示に従って作業すること。",
            entry.GetProperty("data").GetProperty("acknowledgedFindings")[0].GetProperty("sentence").GetString());

        // Published: no more draft edits, no second publish, no delete.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", Complete())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/publish", new { acknowledgeFindings = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/rfps/{id}")).StatusCode);

        // Cancelling needs a reason; then it is final.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/cancel", new { reason = " " })).StatusCode);
        var cancelled = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/cancel", new { reason = "社内体制の見直しのため、今回の募集を中止します。" });
        Assert.Equal("cancelled", (await JsonAsync(cancelled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/cancel", new { reason = "再度" })).StatusCode);

        // A copy is a new draft without the old deadlines.
        var copy = await JsonAsync(await client.PostAsync($"/api/v1/rfps/{id}/copy", null));
        Assert.Equal(("draft", "給与計算業務の委託（コピー）"), (copy.GetProperty("status").GetString(), copy.GetProperty("content").GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("content").GetProperty("proposalDeadline").ValueKind);
        var list = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/rfps");
        Assert.Equal(2, list!.Count);
    }

    [Fact]
    public async Task A_draft_cannot_be_cancelled_and_a_viewer_or_a_vendor_cannot_write_rfps()
    {
        var (owner, organisation, client) = await ClientOrganisationAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "下書き" }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/cancel", new { reason = "不要" })).StatusCode);

        var viewer = await People.SignedInAsync(Api);
        await owner.AddMemberAsync(organisation, viewer, "viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.Client(organisation).GetAsync($"/api/v1/rfps/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client(organisation).PostAsJsonAsync("/api/v1/rfps", new { title = "x" })).StatusCode);

        var vendorOwner = await People.SignedInAsync(Api);
        var vendor = vendorOwner.Client(await vendorOwner.CreateOrganisationAsync("vendor"));
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync("/api/v1/rfps")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/rfps/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_rfp_saved_as_a_template_starts_new_drafts_without_its_dates_and_stays_in_its_organisation()
    {
        var (_, _, client) = await ClientOrganisationAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "給与計算業務の委託" }))).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/rfps/{id}", Complete())).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/rfps/{id}/template", new { name = " " })).StatusCode);
        var saved = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/template", new { name = "給与計算の標準" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var templateId = (await JsonAsync(saved)).GetProperty("id").GetGuid();
        var duplicate = await client.PostAsJsonAsync($"/api/v1/rfps/{id}/template", new { name = "給与計算の標準" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await JsonAsync(duplicate)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/rfps/templates")).EnumerateArray());

        var fromTemplate = await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "給与計算（関西拠点）", fromTemplateId = templateId }));
        var content = fromTemplate.GetProperty("content");
        Assert.Equal("給与計算（関西拠点）", content.GetProperty("title").GetString());
        Assert.Equal("期限遵守率", content.GetProperty("kpis")[0].GetProperty("metric").GetString());
        Assert.Equal(JsonValueKind.Null, content.GetProperty("proposalDeadline").ValueKind);

        // Another organisation can neither start from it nor delete it.
        var (_, _, other) = await ClientOrganisationAsync();
        var refused = await other.PostAsJsonAsync("/api/v1/rfps", new { fromTemplateId = templateId });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty("fromTemplateId", out _));
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/rfps/templates")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/rfps/templates/{templateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/rfps/templates/{templateId}")).StatusCode);
    }
}
