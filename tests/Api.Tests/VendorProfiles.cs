using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.TestSupport;
using Npgsql;

namespace Marketplace.Api.Tests;

public sealed class VendorProfiles(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;
    private static readonly Guid Payroll = CatalogueSeed.Services.Single(s => s.Code == "payroll").Id;
    private static readonly Guid Helpdesk = CatalogueSeed.Services.Single(s => s.Code == "helpdesk").Id;

    private static object FullProfile(string slug) => new
    {
        slug,
        summary = "給与計算と社会保険手続きを一括で請け負います。",
        summaryEn = "Payroll and social insurance, end to end.",
        serviceIds = new[] { Payroll, Helpdesk },
        industries = new[] { "製造業", "小売業" },
        clientSizes = new[] { "medium", "large" },
        caseStudies = new[] { new { title = "製造業 A 社の給与計算", industry = "製造業", clientSize = "large", description = "月 3,000 名分の給与計算を移管。", year = 2024 } },
        staffCount = 120,
        backupStructure = "主担当・副担当の 2 名体制",
        contactName = "山田 花子",
        contactEmail = "sales@vendor.example.jp",
        hasBcp = true,
        backupSites = "大阪・福岡",
        recoveryTimeObjectiveHours = 24,
        lastDrillOn = "2026-04-01",
        accessControl = "ID 管理と MFA",
        auditLogging = "操作ログを 3 年保管",
        subcontractingPolicy = "再委託は事前承認制",
        incidentResponse = "24 時間以内に一次報告",
        initialFeeYen = 300_000,
        monthlyBaseYen = 150_000,
        unitPrices = new[] { new { unit = "1 名", bands = new[] { new { fromQuantity = 0, priceYen = 800 }, new { fromQuantity = 1000, priceYen = 600 } } } },
        extraChargeConditions = new[] { "年末調整は別途" },
        standardInclusions = new[] { "月次レポート" },
        regions = new[] { "kanto", "kinki" },
        languages = new[] { "ja", "en" },
        capacityFte = 15,
    };

    private async Task<(Person Owner, Guid Organisation)> VendorAsync()
    {
        var owner = await People.SignedInAsync(Api);
        return (owner, await owner.CreateOrganisationAsync("vendor"));
    }

    [Fact]
    public async Task A_vendor_saves_its_whole_profile_and_sees_it_complete()
    {
        var (owner, organisationId) = await VendorAsync();
        var client = owner.Client(organisationId);

        var empty = await client.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile");
        Assert.Equal(0, empty.GetProperty("completeness").GetProperty("percent").GetInt32());
        Assert.Equal(8, empty.GetProperty("completeness").GetProperty("missing").GetArrayLength());

        var slug = $"kyuyo-{Guid.NewGuid():N}"[..20];
        var saved = await client.PutAsJsonAsync("/api/v1/vendor-profile", FullProfile(slug));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var read = await client.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile");
        Assert.Equal(100, read.GetProperty("completeness").GetProperty("percent").GetInt32());
        var profile = read.GetProperty("profile");
        Assert.Equal(slug, profile.GetProperty("slug").GetString());
        Assert.Equal(600, profile.GetProperty("unitPrices")[0].GetProperty("bands")[1].GetProperty("priceYen").GetInt64());
        Assert.Equal("製造業 A 社の給与計算", profile.GetProperty("caseStudies")[0].GetProperty("title").GetString());
        Assert.Equal(["kanto", "kinki"], profile.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_and_nothing_is_saved()
    {
        var (owner, organisationId) = await VendorAsync();
        var response = await owner.Client(organisationId).PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = "Bad Slug",
            serviceIds = new[] { Guid.NewGuid() },
            caseStudies = new[] { new { title = "", description = "x", clientSize = "galactic", year = 3000 } },
            contactEmail = "not-an-address",
            recoveryTimeObjectiveHours = 10_000,
            lastDrillOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
            initialFeeYen = -1,
            monthlyBaseYen = 50_000_000_000,
            unitPrices = new[] { new { unit = "件", bands = new[] { new { fromQuantity = 100, priceYen = 10 }, new { fromQuantity = 50, priceYen = 5 } } } },
            regions = new[] { "atlantis" },
            languages = new[] { "xx" },
            capacityFte = -3,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        foreach (var field in new[] { "slug", "caseStudies[0].title", "caseStudies[0].clientSize", "caseStudies[0].year", "contactEmail", "recoveryTimeObjectiveHours",
                     "lastDrillOn", "initialFeeYen", "monthlyBaseYen", "unitPrices[0].bands", "regions", "languages", "capacityFte" })
            Assert.Contains(field, errors);

        // An unknown service is checked against the catalogue once the shape is right.
        var unknownService = await owner.Client(organisationId).PutAsJsonAsync("/api/v1/vendor-profile", new { slug = $"ok-{Guid.NewGuid():N}"[..12], serviceIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownService.StatusCode);
        Assert.True((await unknownService.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("serviceIds", out _));

        var read = await owner.Client(organisationId).GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("updatedAt").ValueKind);
    }

    [Fact]
    public async Task Roles_kinds_and_addresses_are_enforced()
    {
        var (owner, organisationId) = await VendorAsync();
        var slug = $"taken-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.OK, (await owner.Client(organisationId).PutAsJsonAsync("/api/v1/vendor-profile", new { slug })).StatusCode);

        var (other, otherOrganisation) = await VendorAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await other.Client(otherOrganisation).PutAsJsonAsync("/api/v1/vendor-profile", new { slug })).StatusCode);

        var clientOwner = await People.SignedInAsync(Api);
        var clientOrganisation = await clientOwner.CreateOrganisationAsync("client");
        Assert.Equal(HttpStatusCode.NotFound, (await clientOwner.Client(clientOrganisation).GetAsync("/api/v1/vendor-profile")).StatusCode);

        var created = await (await owner.Client(organisationId).PostAsJsonAsync("/api/v1/api-clients", new { name = "連携", scopes = new[] { "vendor-profile.read" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var http = Api.CreateClient();
        var token = await Duende.IdentityModel.Client.HttpClientTokenRequestExtensions.RequestClientCredentialsTokenAsync(http, new Duende.IdentityModel.Client.ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = created.GetProperty("clientId").GetString()!, ClientSecret = created.GetProperty("clientSecret").GetString()!,
        });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/vendor-profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PutAsJsonAsync("/api/v1/vendor-profile", new { slug = "from-a-client" })).StatusCode);
    }

    [Fact]
    public async Task Everyone_reads_a_profile_row_but_only_its_vendor_writes_it()
    {
        var (owner, organisationId) = await VendorAsync();
        var slug = $"rls-{Guid.NewGuid():N}"[..14];
        await owner.Client(organisationId).PutAsJsonAsync("/api/v1/vendor-profile", new { slug, summary = "元の紹介文" });
        var stranger = Guid.CreateVersion7();

        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.current_org', '{stranger}', true)", connection, transaction))
            await set.ExecuteNonQueryAsync();
        await using var read = new NpgsqlCommand("SELECT summary FROM vendor_profiles WHERE slug = @s", connection, transaction);
        read.Parameters.AddWithValue("s", slug);
        Assert.Equal("元の紹介文", await read.ExecuteScalarAsync());
        await using var write = new NpgsqlCommand("UPDATE vendor_profiles SET summary = '書き換え' WHERE slug = @s", connection, transaction);
        write.Parameters.AddWithValue("s", slug);
        Assert.Equal(0, await write.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Null_items_in_lists_are_field_errors_not_failures()
    {
        var (owner, organisationId) = await VendorAsync();
        var response = await owner.Client(organisationId).PutAsync("/api/v1/vendor-profile", new StringContent(
            """{"slug":"null-items-test","caseStudies":[null],"unitPrices":[{"unit":"件","bands":[null]}, null],"industries":[null]}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("caseStudies", errors);
        Assert.Contains("unitPrices", errors);
        Assert.Contains("industries", errors);
    }
}
