using System.Net;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>A vendor's owner connects a system with only the scope it needs, and that is all the system can do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectingAnIntegration(BrowserFixture browser)
{
    [Fact]
    public async Task The_owner_chooses_a_read_scope_of_the_vendors_areas_and_the_secret_reads_but_cannot_change()
    {
        var (id, email) = await People.CreateAccountAsync(browser.Api);
        var tokens = await People.SignInAsync(browser.Api, email, People.Password);
        await new Person(browser.Api, id, email, People.Password, tokens).CreateOrganisationAsync("vendor", Database.UniqueName("株式会社連携"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.SignInAsync(page, email);
        await page.GotoAsync("/settings/api-clients");

        // A vendor is offered the vendor's areas and the shared ones, never a client's (drafting RFPs, the work inventory).
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "vendor-profile.write — ベンダープロフィールと認証の変更、証憑のアップロード" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "rfps.write", Exact = false })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "work-inventory.read", Exact = false })).ToHaveCountAsync(0);

        await page.GetByLabel("連携名").FillAsync("基幹システム");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "organisation.read", Exact = false }).UncheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "vendor-profile.read", Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();
        var clientId = await page.GetByTestId("client-id").InnerTextAsync();
        var secret = await page.GetByTestId("client-secret").InnerTextAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "vendor-profile.read" })).ToBeVisibleAsync();

        using var http = browser.Api.CreateClient();
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest { Address = "/connect/token", ClientId = clientId, ClientSecret = secret });
        Assert.False(token.IsError, token.Error);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/vendor-profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PutAsJsonAsync("/api/v1/vendor-profile", new { slug = "changed-by-a-system" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/members")).StatusCode);
    }
}
