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
