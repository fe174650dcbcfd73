using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// Nothing a client types into a draft is lost when the server or the network fails: the page says so beside the save
/// state, keeps the text on the device, sends it again by itself, and brings it back when the page is opened again.
/// Numbers out of bounds are said in words on their field instead of being changed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeepingWhatIsTyped(BrowserFixture browser)
{
    [Fact]
    public async Task A_save_the_server_fails_is_sent_again_by_itself_and_a_save_that_never_arrived_comes_back_after_a_reload()
    {
        var owner = await People.SignedInAsync(browser.Api);
        var organisation = await owner.CreateOrganisationAsync("client", Database.UniqueName("下書き保全商事株式会社"));
        var created = await (await owner.Client(organisation).PostAsJsonAsync("/api/v1/rfps", new { title = "経理業務の委託" })).Content.ReadFromJsonAsync<JsonElement>();
        var rfpId = created.GetProperty("id").GetGuid();

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/client/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(page, owner.Email);
        var saveState = page.GetByRole(AriaRole.Heading, new() { Name = "経理業務の委託" }).Locator("xpath=../..").GetByRole(AriaRole.Status);

        // The server fails twice (503): the page says so beside the save state, then saves by itself without a click.
        var failures = 0;
        await page.RouteAsync($"**/api/v1/rfps/{rfpId}", async route =>
        {
            if (route.Request.Method == "PUT" && failures++ < 2)
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"title":"Service Unavailable","status":503}""" });
            else
                await route.ContinueAsync();
        });
        await page.GetByLabel("目的", new() { Exact = true }).FillAsync("月次決算を 3 営業日早める。");
        await Expect(saveState).ToContainTextAsync("保存できませんでした（通信またはサーバーの問題）");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "今すぐ送る" })).ToBeVisibleAsync();
        await Expect(saveState).ToContainTextAsync("に保存しました", new() { Timeout = 20_000 });
        Assert.Equal(3, failures);
        await page.UnrouteAllAsync();
        Assert.Equal("月次決算を 3 営業日早める。", await ServerPurposeAsync(owner, organisation, rfpId));

        // The network drops every save: the text stays on this device, and reloading brings it back and saves it.
        await page.RouteAsync($"**/api/v1/rfps/{rfpId}", async route =>
        {
            if (route.Request.Method == "PUT") await route.AbortAsync("internetdisconnected");
            else await route.ContinueAsync();
        });
        await page.GetByLabel("背景", new() { Exact = true }).FillAsync("担当者の退職で属人化が進んでいる。");
        await Expect(saveState).ToContainTextAsync("入力はこの端末に残しており");
        await page.ReloadAsync();
        var restored = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "保存されていなかった入力を戻しました" });
        await Expect(restored).ToBeVisibleAsync();
        await Expect(page.GetByLabel("背景", new() { Exact = true })).ToHaveValueAsync("担当者の退職で属人化が進んでいる。");
        // It tries to send the restored copy at once; the network is still down, so it waits, and a click sends it now.
        await Expect(saveState).ToContainTextAsync("入力はこの端末に残しており");
        await page.UnrouteAllAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "今すぐ送る" }).ClickAsync();
        await Expect(saveState).ToContainTextAsync("に保存しました");
        Assert.Equal("担当者の退職で属人化が進んでいる。", await ServerTextAsync(owner, organisation, rfpId, "background"));

        // Saved now: opening the page again shows the server's draft with nothing to restore.
        await page.ReloadAsync();
        await Expect(page.GetByLabel("背景", new() { Exact = true })).ToHaveValueAsync("担当者の退職で属人化が進んでいる。");
        await Expect(restored).ToHaveCountAsync(0);

        // A negative budget stays as typed and is named on its field, in the words the Api would use for the bound.
        await page.GetByRole(AriaRole.Button, new() { Name = "契約期間・予算・想定ボリューム" }).ClickAsync();
        var budget = page.GetByLabel("予算（月額・下限）");
        await budget.FillAsync("-1");
        await budget.BlurAsync();
        await Expect(budget).ToHaveValueAsync("-¥1");
        await Expect(page.GetByText("0 以上で入力してください。")).ToBeVisibleAsync();
        await page.GetByLabel("契約期間（か月）").FillAsync("12.5");
        await Expect(page.GetByText("整数で入力してください。")).ToBeVisibleAsync();
    }

    private static Task<string?> ServerPurposeAsync(Person owner, Guid organisation, Guid rfpId) => ServerTextAsync(owner, organisation, rfpId, "purpose");

    private static async Task<string?> ServerTextAsync(Person owner, Guid organisation, Guid rfpId, string field)
    {
        var rfp = await (await owner.Client(organisation).GetAsync($"/api/v1/rfps/{rfpId}")).Content.ReadFromJsonAsync<JsonElement>();
        return rfp.GetProperty("content").GetProperty(field).GetString();
    }
}
