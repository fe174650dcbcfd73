using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class EditingTheVendorProfile(BrowserFixture browser)
{
    private static ILocator Section(IPage page, string name) => page.Locator("button[data-accordion-control]").Filter(new() { HasText = name });

    [Fact]
    public async Task A_vendor_fills_the_profile_sees_errors_beside_fields_and_the_completeness_grow()
    {
        var (id, email) = await People.CreateAccountAsync(browser.Api);
        var tokens = await People.SignInAsync(browser.Api, email, People.Password);
        await new Person(browser.Api, id, email, People.Password, tokens).CreateOrganisationAsync("vendor", Database.UniqueName("株式会社プロフィール"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "ベンダープロフィール" }).ClickAsync();
        await Expect(page.GetByText("入力状況 0%")).ToBeVisibleAsync();

        // A bad address is explained beside its field, in Japanese.
        await page.GetByLabel("公開ページのアドレス").FillAsync("Bad Slug");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.GetByText("公開ページのアドレスは英小文字・数字・ハイフンで 3〜64 文字にしてください。")).ToBeVisibleAsync();

        await page.GetByLabel("公開ページのアドレス").FillAsync($"browser-{Guid.NewGuid():N}"[..20]);
        await page.GetByLabel("紹介文", new() { Exact = true }).FillAsync("給与計算と経理の BPO を 20 年続けています。");
        // The list of what is missing opens the section it names.
        await page.GetByText("未入力：").GetByRole(AriaRole.Button, new() { Name = "提供サービス" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "給与計算" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "経理・仕訳" }).CheckAsync();
        await Section(page, "料金体系").ClickAsync();
        await page.GetByLabel("月額基本料金").FillAsync("150000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("プロフィールを保存しました。");
        await Expect(page.GetByText("入力状況 37%")).ToBeVisibleAsync(); // services, summary and fees: 3 of 8 sections
        await page.ReloadAsync();
        await Section(page, "提供サービス").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "給与計算" })).ToBeCheckedAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ViewingAVendorPage(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_reads_a_vendors_public_page_with_fees_in_yen_and_certifications()
    {
        var owner = await People.SignedInAsync(browser.Api);
        var name = Database.UniqueName("株式会社公開ベンダー");
        var organisationId = await owner.CreateOrganisationAsync("vendor", name);
        var slug = $"visit-{Guid.NewGuid():N}"[..18];
        var client = owner.Client(organisationId);
        await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, "/api/v1/vendor-profile", new
        {
            slug, summary = "経理 BPO の専門会社です。", monthlyBaseYen = 150000, hasBcp = true, recoveryTimeObjectiveHours = 24,
            serviceIds = new[] { Marketplace.Core.Catalogue.CatalogueSeed.Services.Single(s => s.Code == "bookkeeping").Id },
        });
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/vendor-profile/certifications",
            new { type = "pmark", registrationNumber = "17001234", validFrom = "2025-01-01", validTo = "2027-12-31" });

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/vendors/{slug}");
        await Expect(page).ToHaveTitleAsync($"{name} | Marketplace");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByText("経理・仕訳")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "月額基本料金" })).ToContainTextAsync("¥150,000");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "認証" })).ToContainTextAsync("プライバシーマーク");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "認証" })).ToContainTextAsync("未確認");
    }
}
