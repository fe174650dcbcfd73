using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Auditing;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class CatalogueTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static IEnumerable<JsonElement> Services(JsonElement catalogue) =>
        catalogue.EnumerateArray().SelectMany(t => t.GetProperty("services").EnumerateArray());

    [Fact]
    public async Task Anyone_reads_the_three_types_and_the_services_of_the_guide_in_japanese_and_english()
    {
        var catalogue = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/catalogue");

        Assert.Equal(["BPO", "ITO", "KPO"], catalogue.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        var payroll = Services(catalogue).Single(s => s.GetProperty("code").GetString() == "payroll");
        Assert.Equal(("給与計算", "Payroll"), (payroll.GetProperty("nameJa").GetString(), payroll.GetProperty("nameEn").GetString()));
        foreach (var ja in new[] { "社会保険手続き", "請求書処理", "ヘルプデスク", "IT 資産管理", "セキュリティ運用（SOC）", "データ分析", "市場調査", "意思決定支援" })
            Assert.Contains(Services(catalogue), s => s.GetProperty("nameJa").GetString() == ja);
    }

    [Fact]
    public async Task An_operator_adds_retires_and_restores_a_service_and_each_step_is_audited()
    {
        var operatorPerson = await People.OperatorAsync(Api);
        var nameEn = $"Expense audit {Guid.NewGuid():N}"[..24];
        var added = await operatorPerson.Client().PostAsJsonAsync("/api/v1/operator/catalogue/services", new { type = "BPO", nameJa = "経費精算チェック", nameEn });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var service = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = service.GetProperty("id").GetGuid();
        Assert.StartsWith("expense-audit-", service.GetProperty("code").GetString());

        var duplicate = await operatorPerson.Client().PostAsJsonAsync("/api/v1/operator/catalogue/services",
            new { type = "BPO", nameJa = "重複", nameEn = "x", code = service.GetProperty("code").GetString() });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await operatorPerson.Client().PostAsync($"/api/v1/operator/catalogue/services/{id}/retire", null)).StatusCode);
        var offered = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/catalogue");
        Assert.DoesNotContain(Services(offered), s => s.GetProperty("id").GetGuid() == id);
        var all = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/catalogue?includeRetired=true");
        Assert.True(Services(all).Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("retired").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await operatorPerson.Client().PostAsync($"/api/v1/operator/catalogue/services/{id}/restore", null)).StatusCode);
        Assert.Contains(Services(await Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/catalogue")), s => s.GetProperty("id").GetGuid() == id);

        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var actions = new Npgsql.NpgsqlCommand("SELECT action FROM audit_entries WHERE object_id = @id ORDER BY id", owner);
        actions.Parameters.AddWithValue("id", id.ToString());
        var recorded = new List<string>();
        await using (var reader = await actions.ExecuteReaderAsync())
            while (await reader.ReadAsync()) recorded.Add(reader.GetString(0));
        Assert.Equal([AuditActions.CatalogueServiceAdded, AuditActions.CatalogueServiceRetired, AuditActions.CatalogueServiceRestored], recorded);
    }

    [Fact]
    public async Task Bad_input_is_a_field_error_and_people_who_are_not_operators_get_403()
    {
        var operatorPerson = await People.OperatorAsync(Api);
        var bad = await operatorPerson.Client().PostAsJsonAsync("/api/v1/operator/catalogue/services",
            new { type = "XYZ", nameJa = "", nameEn = new string('a', 101), code = "Not A Code" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["code", "nameEn", "nameJa", "type"], errors.EnumerateObject().Select(e => e.Name).Order());

        var vendorOwner = await People.SignedInAsync(Api);
        var organisationId = await vendorOwner.CreateOrganisationAsync("vendor");
        var refused = await vendorOwner.Client(organisationId).PostAsJsonAsync("/api/v1/operator/catalogue/services", new { type = "BPO", nameJa = "勝手な追加", nameEn = "Unauthorised" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().PostAsJsonAsync("/api/v1/operator/catalogue/services", new { type = "BPO" })).StatusCode);
    }
}
