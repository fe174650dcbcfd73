using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitching(BrowserFixture browser)
{
    [Fact]
    public async Task The_spa_opens_in_japanese_switches_to_english_and_remembers_the_choice()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        // Japanese by default, even though the browser itself asks for English.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("BPO・ITO・KPO の提案依頼から選定まで");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "発注企業" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "表示言語" }).GetByText("English").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("From request for proposal to award, for BPO, ITO and KPO");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Clients" })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("From request for proposal to award, for BPO, ITO and KPO");

        await page.GetByRole(AriaRole.Group, new() { Name = "Language" }).GetByText("日本語").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("BPO・ITO・KPO の提案依頼から選定まで");
    }

    /// <summary>A work page's texts come in their own catalogue: switching language there brings that one too.</summary>
    [Fact]
    public async Task Switching_language_on_a_work_page_switches_its_own_texts_too()
    {
        var owner = await People.SignedInAsync(browser.Api);
        await owner.CreateOrganisationAsync("client", Database.UniqueName("言語切替商事株式会社"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/client/rfps");
        await BrowserFixture.SignInAsync(page, owner.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("RFP（提案依頼書）");
        await page.GetByRole(AriaRole.Group, new() { Name = "表示言語" }).GetByText("English").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("RFPs");
        await Expect(page.GetByText("rfp.", new() { Exact = false })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Group, new() { Name = "Language" }).GetByText("日本語").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("RFP（提案依頼書）");
    }

    [Fact]
    public async Task An_unknown_page_says_so_and_leads_home()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/no/such/page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ページが見つかりません" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ホームへ戻る" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
    }
}
