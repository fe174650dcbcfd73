using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// A vendor that was not invited opens the address of an invite-only RFP (a link passed on by someone): it learns
/// nothing about it, and the page says in its language what may have happened and where to go, with no "retry".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpeningWhatIsNotYours(BrowserFixture browser)
{
    [Fact]
    public async Task An_uninvited_vendor_opening_an_invite_only_rfp_sees_the_not_found_page_in_japanese_and_english()
    {
        var (_, rfpId) = await ProposalScenarios.PublishAsync(browser.Api, "invited");
        var (stranger, _, _) = await ProposalScenarios.VendorWithOwnerAsync(browser.Api, Database.UniqueName("招待されていない株式会社"));

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/vendor/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(page, stranger.Email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "お探しのものは見つかりませんでした" })).ToBeVisibleAsync();
        await Expect(page.GetByText("招待制の RFP は招待された会社だけが")).ToBeVisibleAsync();
        await Expect(page.GetByText("請求書発行の委託")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "再試行" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Not Found")).ToHaveCountAsync(0);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("お探しのものは見つかりませんでした"));
        var home = page.GetByRole(AriaRole.Link, new() { Name = "この画面のホームへ" });
        await Expect(home).ToHaveAttributeAsync("href", "/vendor");

        // The same in English; the proposal page of that RFP answers the same way.
        await page.EvaluateAsync("() => localStorage.setItem('marketplace.language', 'en')");
        await page.GotoAsync($"/vendor/rfps/{rfpId}/proposal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find what you were looking for" })).ToBeVisibleAsync();
        await Expect(page.GetByText("An invite-only RFP opens only for the invited companies")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to this area's home" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vendor$"));
    }
}
