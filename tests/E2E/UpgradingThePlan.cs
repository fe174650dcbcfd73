using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>Issue 7's journey: a vendor owner on Free upgrades through Stripe's Checkout (the local stand-in) and comes back on Standard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UpgradingThePlan(BrowserFixture browser)
{
    [Fact]
    public async Task A_vendor_owner_on_free_upgrades_through_checkout_returns_and_is_on_standard_with_its_answer_library()
    {
        var owner = await People.SignedInAsync(browser.Api);
        var vendor = await owner.CreateOrganisationAsync("vendor", Database.UniqueName("アップグレード株式会社"));
        await ProposalScenarios.WriteVendorProfileAsync(owner.Client(vendor));

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/vendor/billing");
        await BrowserFixture.SignInAsync(page, owner.Email);
        // On Free: this month's quota, and the plans on sale.
        await Expect(page.GetByTestId("proposal-quota")).ToContainTextAsync("残り 3 件（3 件まで");
        var subscribe = page.GetByRole(AriaRole.Button, new() { Name = "スタンダードプランに申し込む" });

        // Leaving Stripe's page without paying changes nothing.
        await subscribe.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/checkout/cs_test_"));
        await page.GetByRole(AriaRole.Link, new() { Name = "戻る" }).ClickAsync();
        await Expect(page.GetByText("お申し込みは完了していません")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "プランのページへ" }).ClickAsync();

        // Paying: back on the return page, which waits for Stripe's events and then shows the new plan.
        await subscribe.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/checkout/cs_test_"));
        await page.GetByRole(AriaRole.Button, new() { Name = "支払う" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/vendor/billing/return\\?session_id=cs_test_"));
        await Expect(page.GetByText("スタンダードプランになりました")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("proposal-quota")).ToContainTextAsync("残り 20 件（20 件まで");
        await page.GetByRole(AriaRole.Link, new() { Name = "プランのページへ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "スタンダード" })).ToContainTextAsync("ご利用中");

        // The customer portal opens on Stripe and comes back.
        await page.GetByRole(AriaRole.Button, new() { Name = "お支払いの管理（請求書・カード・解約）" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "お支払いの管理（テスト用 Stripe）" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Marketplace に戻る" }).ClickAsync();
        await Expect(page.GetByTestId("proposal-quota")).ToContainTextAsync("20 件まで");

        // Standard's answer library: a new proposal starts with the profile's security answers.
        var (_, _, _, rfpId) = await ProposalScenarios.PublishByAsync(browser.Api, untilDeadline: TimeSpan.FromDays(20));
        await page.GotoAsync($"/vendor/rfps/{rfpId}/proposal");
        await Expect(page.GetByText("費用とセキュリティ質問の回答は、プロフィールから入力済みの状態で始まります。", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("自動入力されません", new() { Exact = false })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "提案を作成する" }).ClickAsync();
        await Expect(page.GetByLabel("アクセス権限の管理方法")).ToHaveValueAsync(ProposalScenarios.AccessControlAnswer);
    }

    [Fact]
    public async Task A_premium_vendor_shows_the_featured_badge_in_search_and_on_its_page()
    {
        var owner = await People.SignedInAsync(browser.Api);
        var name = Database.UniqueName("注目請求書株式会社");
        var vendor = await owner.CreateOrganisationAsync("vendor", name);
        var client = owner.Client(vendor);
        await ProposalScenarios.WriteVendorProfileAsync(client);
        // Premium bought through the Api and Stripe's side of the stand-in (the journey above goes through the pages).
        var checkout = await client.PostAsJsonAsync("/api/v1/vendor/billing/checkout", new { plan = "premium" });
        var url = (await ProposalScenarios.JsonAsync(checkout)).GetProperty("url").GetString()!;
        var session = url[(url.LastIndexOf('/') + 1)..];
        browser.Stripe.CompleteCheckout(session);
        await browser.Stripe.DeliverAsync(browser.Stripe.Event("checkout.session.completed", browser.Stripe.Object(session), DateTimeOffset.UtcNow));
        await Eventually.True(async () => (await ProposalScenarios.JsonAsync(await client.GetAsync("/api/v1/vendor/billing")))
            .GetProperty("plan").GetProperty("code").GetString() == "premium", "the vendor to be on Premium");

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/vendors?q={Uri.EscapeDataString(name)}");
        var card = page.Locator(".mantine-Card-root").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) });
        await Expect(card.GetByTestId("featured-badge")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("featured-badge")).ToContainTextAsync("注目");
    }
}
