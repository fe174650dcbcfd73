using System.Net.Http.Json;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Marketplace.TestSupport.ProposalScenarios;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// Each area's home says what is true for the one who opens it: the client's procurement sees its draft, the vendor's
/// question to answer and the coming deadline; the invited vendor sees the invitation; a vendor not invited sees none.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeeingWhatNeedsDoing(BrowserFixture browser)
{
    [Fact]
    public async Task The_client_home_and_the_vendor_home_list_the_work_waiting_for_each_and_nothing_of_the_other_parties()
    {
        var (owner, _, client, rfpId) = await PublishByAsync(browser.Api, "invited", untilDeadline: TimeSpan.FromDays(10));
        (await client.PostAsJsonAsync("/api/v1/rfps", new { title = "経費精算の委託" })).EnsureSuccessStatusCode();
        var (vendorOwner, vendorId, vendor) = await VendorWithOwnerAsync(browser.Api, Database.UniqueName("招待先株式会社"));
        var (outsider, _, _) = await VendorWithOwnerAsync(browser.Api, Database.UniqueName("部外者株式会社"));
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = new[] { vendorId } })).EnsureSuccessStatusCode();
        (await vendor.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "月末の件数の波はどの程度ですか。" })).EnsureSuccessStatusCode();

        var clientPage = await browser.NewPageAsync();
        await clientPage.GotoAsync("/client");
        await BrowserFixture.SignInAsync(clientPage, owner.Email);
        await Expect(clientPage.GetByRole(AriaRole.Heading, new() { Name = "発注企業のホーム" })).ToBeVisibleAsync();
        await Expect(clientPage.GetByText("まだ RFP はありません")).ToHaveCountAsync(0);
        await Expect(clientPage.GetByRole(AriaRole.Link, new() { Name = "RFP の一覧（2 件）" })).ToBeVisibleAsync();
        await Expect(Box(clientPage, "書きかけの RFP")).ToContainTextAsync("経費精算の委託");
        await Expect(Box(clientPage, "回答待ちの質問")).ToContainTextAsync("未回答 1 件");
        await Expect(Box(clientPage, "2 週間以内の提案締切")).ToContainTextAsync("請求書発行の委託");
        await Box(clientPage, "回答待ちの質問").GetByRole(AriaRole.Link, new() { Name = "請求書発行の委託" }).ClickAsync();
        await Expect(clientPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/client/rfps/{rfpId}$"));

        var vendorPage = await browser.NewPageAsync();
        await vendorPage.GotoAsync("/vendor");
        await BrowserFixture.SignInAsync(vendorPage, vendorOwner.Email);
        await Expect(vendorPage.GetByRole(AriaRole.Heading, new() { Name = "ベンダーのホーム" })).ToBeVisibleAsync();
        await Expect(vendorPage.GetByText("まだプロフィールがありません")).ToHaveCountAsync(0);
        await Expect(Box(vendorPage, "招待された RFP")).ToContainTextAsync("請求書発行の委託");
        await Expect(vendorPage.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^プロフィールの充実度 \\d+%$") })).ToBeVisibleAsync();
        await Expect(vendorPage.GetByTestId("proposal-quota")).ToContainTextAsync("残り 3 件");

        // In English, and for a vendor that was not invited: nothing of the RFP.
        var outsiderPage = await browser.NewPageAsync();
        await outsiderPage.GotoAsync("/vendor");
        await BrowserFixture.SignInAsync(outsiderPage, outsider.Email);
        await outsiderPage.EvaluateAsync("() => localStorage.setItem('marketplace.language', 'en')");
        await outsiderPage.ReloadAsync();
        await Expect(outsiderPage.GetByRole(AriaRole.Heading, new() { Name = "Vendor home" })).ToBeVisibleAsync();
        await Expect(Box(outsiderPage, "Invitations")).ToContainTextAsync("No invitation waiting for a proposal.");
        await Expect(outsiderPage.GetByText("請求書発行の委託")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_audit_log_says_what_happened_in_words_who_did_it_and_links_the_rfp_by_its_title()
    {
        var (owner, _, _, rfpId) = await PublishByAsync(browser.Api);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/settings/audit-log");
        await BrowserFixture.SignInAsync(page, owner.Email);
        var published = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "RFP を公開しました" });
        await Expect(published).ToHaveCountAsync(1);
        await Expect(published).ToContainTextAsync(owner.Email);
        await Expect(published.GetByRole(AriaRole.Link, new() { Name = "請求書発行の委託" })).ToHaveAttributeAsync("href", $"/client/rfps/{rfpId}");
        // Neither the recorded code nor an id is what a person reads.
        await Expect(page.GetByText("rfp.published")).ToHaveCountAsync(0);
        await Expect(page.GetByText(rfpId.ToString())).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "組織を登録しました" })).ToHaveCountAsync(1);
    }

    private static ILocator Box(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
}
