using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class PublicVendorPages(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<(string Slug, string Name)> PublishedVendorAsync()
    {
        var owner = await People.SignedInAsync(fixture.Api);
        var name = Database.UniqueName("株式会社公開ページ<テスト>");
        var organisationId = await owner.CreateOrganisationAsync("vendor", name);
        var slug = $"public-{Guid.NewGuid():N}"[..18];
        var client = owner.Client(organisationId);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug, summary = "給与計算の BPO を提供します。", contactEmail = "private@vendor.example.jp",
            serviceIds = new[] { Marketplace.Core.Catalogue.CatalogueSeed.Services[0].Id },
        })).StatusCode);
        await client.PostAsJsonAsync("/api/v1/vendor-profile/certifications",
            new { type = "isms", registrationNumber = "IS 999999", validFrom = "2025-01-01", validTo = "2028-01-01" });
        return (slug, name);
    }

    [Fact]
    public async Task Anyone_reads_a_vendor_by_its_address_without_its_contact_address_or_evidence()
    {
        var (slug, name) = await PublishedVendorAsync();
        var vendor = await fixture.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/vendors/{slug}");

        Assert.Equal(name, vendor.GetProperty("name").GetString());
        Assert.Equal("給与計算", vendor.GetProperty("services")[0].GetProperty("nameJa").GetString());
        Assert.Equal(JsonValueKind.Null, vendor.GetProperty("profile").GetProperty("contactEmail").ValueKind);
        var certification = vendor.GetProperty("certifications")[0];
        Assert.False(certification.GetProperty("verified").GetBoolean());
        Assert.False(certification.TryGetProperty("evidence", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.CreateClient().GetAsync("/api/v1/vendors/no-such-vendor")).StatusCode);
    }

    [Fact]
    public async Task The_page_itself_carries_the_title_and_description_for_link_previews_html_encoded()
    {
        var (slug, name) = await PublishedVendorAsync();
        var html = await fixture.Api.CreateClient().GetStringAsync($"/vendors/{slug}");

        Assert.Contains($"<title>{WebUtility.HtmlEncode(name)} | Marketplace</title>", html);
        Assert.Contains("<meta property=\"og:description\" content=\"給与計算の BPO を提供します。\" />", html);
        Assert.DoesNotContain("<テスト>", html); // the name is encoded, never markup
        Assert.Contains("<div id=\"root\">", html); // and it is still the SPA
    }
}
