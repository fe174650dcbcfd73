using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class WorkInventory(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static object Payroll(string name = "月次給与計算", decimal hours = 60) => new
    {
        name, department = "人事部", frequency = "monthly", hoursPerMonth = hours, monthlyVolume = 350, volumeUnit = "名",
        expertise = "medium", substitutability = "hard", currentOwner = "人事部 佐藤",
    };

    private async Task<HttpClient> ClientOrganisationAsync()
    {
        var owner = await People.SignedInAsync(Api);
        return owner.Client(await owner.CreateOrganisationAsync("client"));
    }

    [Fact]
    public async Task A_client_lists_tasks_runs_the_check_and_sees_an_explained_verdict_and_totals()
    {
        var client = await ClientOrganisationAsync();
        var created = await client.PostAsJsonAsync("/api/v1/work-inventory/tasks", Payroll());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, task.GetProperty("assessment").ValueKind); // not checked yet
        var id = task.GetProperty("id").GetGuid();
        await client.PostAsJsonAsync("/api/v1/work-inventory/tasks", Payroll("新規事業の企画", 20));

        var items = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/work-inventory/check-items");
        Assert.Equal(10, items!.Count);
        Assert.Equal("売上や利益に直接結びつく業務か", items[0].GetProperty("label").GetString());

        var checkedTask = await (await client.PutAsJsonAsync($"/api/v1/work-inventory/tasks/{id}/check",
            new { yes = new[] { "standardisable", "seasonal", "personDependent", "confidentialData" } })).Content.ReadFromJsonAsync<JsonElement>();
        var assessment = checkedTask.GetProperty("assessment");
        Assert.Equal("candidate", assessment.GetProperty("verdict").GetString());
        Assert.Equal(("BPO", "payroll"), (assessment.GetProperty("suggestedType").GetString(), assessment.GetProperty("suggestedServiceCode").GetString()));
        Assert.Contains(assessment.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("プライバシーマーク"));

        var inventory = await client.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory");
        Assert.Equal(2, inventory.GetProperty("tasks").GetArrayLength());
        Assert.Equal((1, 1, 80m, 60m), (inventory.GetProperty("checked").GetInt32(), inventory.GetProperty("candidates").GetInt32(),
            inventory.GetProperty("hoursPerMonth").GetDecimal(), inventory.GetProperty("candidateHoursPerMonth").GetDecimal()));

        // In English on request.
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/work-inventory");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await (await client.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(inEnglish.GetProperty("tasks")[0].GetProperty("assessment").GetProperty("reasons").EnumerateArray(),
            r => r.GetString()!.Contains("Points to outsourcing (3)"));

        // A change of description keeps the answers; deleting removes it.
        var renamed = await (await client.PutAsJsonAsync($"/api/v1/work-inventory/tasks/{id}", Payroll("給与計算と年末調整"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("candidate", renamed.GetProperty("assessment").GetProperty("verdict").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/work-inventory/tasks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/work-inventory/tasks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_field_error_and_a_batch_with_one_bad_row_adds_nothing()
    {
        var client = await ClientOrganisationAsync();
        var bad = await client.PostAsJsonAsync("/api/v1/work-inventory/tasks", new
        {
            name = "", frequency = "hourly", hoursPerMonth = -1, monthlyVolume = -5, expertise = "extreme", substitutability = "easy",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["expertise", "frequency", "hoursPerMonth", "monthlyVolume", "name"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("業務名", errors.GetProperty("name")[0].GetString());

        // 10^12 a month does not fit the field's type: a field error on it, in Japanese, not a body error; nothing added.
        var huge = await client.PostAsJsonAsync("/api/v1/work-inventory/tasks", new
        {
            name = "月次給与計算", frequency = "monthly", hoursPerMonth = 60, monthlyVolume = 1_000_000_000_000, expertise = "medium", substitutability = "hard",
        });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var hugeErrors = (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["monthlyVolume"], hugeErrors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("桁が大きすぎないか", hugeErrors.GetProperty("monthlyVolume")[0].GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory")).GetProperty("tasks").EnumerateArray());

        var batch = await client.PostAsJsonAsync("/api/v1/work-inventory/tasks/batch", new { tasks = new object[] { Payroll(), Payroll(hours: 10.25m) } });
        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        var batchErrors = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["tasks[1].hoursPerMonth"], batchErrors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory")).GetProperty("tasks").GetArrayLength());

        var good = await client.PostAsJsonAsync("/api/v1/work-inventory/tasks/batch", new { tasks = new object[] { Payroll("一"), Payroll("二"), Payroll("三") } });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var names = (await client.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory")).GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Equal(["一", "二", "三"], names); // in the file's order

        var id = (await good.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        var unknownItem = await client.PutAsJsonAsync($"/api/v1/work-inventory/tasks/{id}/check", new { yes = new[] { "cheap" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownItem.StatusCode);
        Assert.True((await unknownItem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("yes", out _));
    }

    [Fact]
    public async Task Another_client_gets_404_a_vendor_has_no_inventory_and_a_viewer_cannot_change_it()
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        var mine = owner.Client(organisation);
        var id = (await (await mine.PostAsJsonAsync("/api/v1/work-inventory/tasks", Payroll())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var other = await ClientOrganisationAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/work-inventory/tasks/{id}", Payroll("乗っ取り"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/work-inventory/tasks/{id}/check", new { yes = new[] { "seasonal" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/work-inventory/tasks/{id}")).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory")).GetProperty("tasks").GetArrayLength());
        var still = (await mine.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory")).GetProperty("tasks")[0];
        Assert.Equal(("月次給与計算", JsonValueKind.Null), (still.GetProperty("name").GetString(), still.GetProperty("checkedAt").ValueKind));

        var vendorOwner = await People.SignedInAsync(Api);
        var vendor = vendorOwner.Client(await vendorOwner.CreateOrganisationAsync("vendor"));
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync("/api/v1/work-inventory")).StatusCode);

        var viewer = await People.SignedInAsync(Api);
        await owner.AddMemberAsync(organisation, viewer, "viewer");
        var asViewer = viewer.Client(organisation);
        Assert.Equal(HttpStatusCode.OK, (await asViewer.GetAsync("/api/v1/work-inventory")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asViewer.PostAsJsonAsync("/api/v1/work-inventory/tasks", Payroll())).StatusCode);
    }
}

public sealed class WorkInventoryImports(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private async Task<HttpClient> ClientOrganisationAsync()
    {
        var owner = await People.SignedInAsync(Api);
        return owner.Client(await owner.CreateOrganisationAsync("client"));
    }

    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.PostAsync("/api/v1/work-inventory/import/preview", form);
    }

    private static async Task<JsonElement> FileErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file");
    }

    [Fact]
    public async Task The_templates_read_back_as_one_good_task_in_csv_and_in_excel()
    {
        var client = await ClientOrganisationAsync();
        foreach (var (path, name) in new[] { ("template.csv", "t.csv"), ("template.xlsx", "t.xlsx") })
        {
            var template = await client.GetAsync($"/api/v1/work-inventory/{path}");
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            Assert.Equal("attachment", template.Content.Headers.ContentDisposition?.DispositionType);
            var preview = await (await PreviewAsync(client, await template.Content.ReadAsByteArrayAsync(), name)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, preview.GetProperty("problems").GetArrayLength());
            var task = Assert.Single(preview.GetProperty("tasks").EnumerateArray());
            Assert.Equal(2, task.GetProperty("row").GetInt32());
            var input = task.GetProperty("task");
            Assert.Equal(("月次給与計算", "monthly", 60m, "medium", "hard"), (input.GetProperty("name").GetString(), input.GetProperty("frequency").GetString(),
                input.GetProperty("hoursPerMonth").GetDecimal(), input.GetProperty("expertise").GetString(), input.GetProperty("substitutability").GetString()));
        }
    }

    [Fact]
    public async Task A_shift_jis_csv_reports_bad_rows_by_row_and_column_and_keeps_the_good_ones_without_adding_anything()
    {
        var client = await ClientOrganisationAsync();
        var csv = string.Join("\r\n",
            "業務名,頻度,月間工数（時間）,月間件数,専門性,代替可能性,部署",
            "請求書の発行,毎月,40,\"1,200\",低,容易,経理部",
            ",毎週,10,,中,可能,総務部",           // row 3: no name
            "経費精算,週に一度,abc,99999999999,中,可能,経理部", // row 4: unknown frequency, hours not a number, volume too large
            "",                                      // blank lines are skipped
            "ヘルプデスク,daily,１２０,,medium,easy,情報システム部");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var response = await PreviewAsync(client, Encoding.GetEncoding(932).GetBytes(csv), "棚卸し.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(4, preview.GetProperty("rows").GetInt32());
        Assert.Equal([2, 6], preview.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("row").GetInt32()));
        var first = preview.GetProperty("tasks")[0].GetProperty("task");
        Assert.Equal((1200, "経理部"), (first.GetProperty("monthlyVolume").GetInt32(), first.GetProperty("department").GetString()));
        Assert.Equal(120m, preview.GetProperty("tasks")[1].GetProperty("task").GetProperty("hoursPerMonth").GetDecimal()); // full-width digits
        var problems = preview.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(["3 業務名", "4 月間件数", "4 月間工数（時間）", "4 頻度"], problems.Select(p => $"{p.Item1} {p.Item2}").Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Item2 == "頻度" && p.Item3.Contains("「週に一度」は選べません"));

        // A preview adds nothing.
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory")).GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_too_large_or_without_the_columns_is_refused_as_a_whole()
    {
        var client = await ClientOrganisationAsync();
        Assert.Contains("表計算のファイルではありません", (await FileErrorAsync(await PreviewAsync(client, Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF"), "a.csv")))[0].GetString());
        Assert.Contains("表計算のファイルではありません", (await FileErrorAsync(await PreviewAsync(client, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "a.xlsx")))[0].GetString());
        Assert.Contains("ブックを読み取れませんでした", (await FileErrorAsync(await PreviewAsync(client, [(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "broken.xlsx")))[0].GetString());
        Assert.Contains("5 MB", (await FileErrorAsync(await PreviewAsync(client, new byte[Marketplace.Api.Features.Planning.WorkInventoryImport.MaxBytes + 1], "big.csv")))[0].GetString());
        Assert.Contains("見つからない列：月間工数（時間）", (await FileErrorAsync(await PreviewAsync(client, Encoding.UTF8.GetBytes("業務名,部署\n受付,総務部\n"), "a.csv")))[0].GetString());
        var tooMany = "業務名,月間工数（時間）\n" + string.Concat(Enumerable.Range(1, 2001).Select(i => $"業務{i},1\n"));
        Assert.Contains("2,000 行まで", (await FileErrorAsync(await PreviewAsync(client, Encoding.UTF8.GetBytes(tooMany), "many.csv")))[0].GetString());
    }
}
