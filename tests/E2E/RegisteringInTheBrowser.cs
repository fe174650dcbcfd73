using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class RegisteringInTheBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task A_vendor_registers_from_the_empty_vendor_area_and_sees_the_welcome_notification()
    {
        var (_, email) = await People.CreateAccountAsync(browser.Api);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/vendor");
        await BrowserFixture.SignInAsync(page, email);
        await Expect(page.GetByText("ベンダーの組織が選ばれていません")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ベンダーとして登録する" }).ClickAsync();

        // The empty state chose the kind already.
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "ベンダー（業務を受託する）" })).ToBeCheckedAsync();

        var name = Database.UniqueName("株式会社ブラウザ受託");
        await page.GetByLabel("組織名").FillAsync(name);
        await page.GetByLabel("連絡先メールアドレス").FillAsync("sales@browser-jutaku.example.jp");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("notification-text")).ToHaveTextAsync($"{name} さん、Marketplace へようこそ。", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Invalid_input_is_explained_next_to_each_field_in_the_chosen_language()
    {
        var (_, email) = await People.CreateAccountAsync(browser.Api);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/organisations/new");
        await Expect(page).ToHaveTitleAsync("組織を登録する | Marketplace");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await BrowserFixture.SignInOnThePageAsync(page, email);
        await page.GetByLabel("連絡先メールアドレス").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await Expect(page.GetByText("組織名を入力してください。")).ToBeVisibleAsync();
        await Expect(page.GetByText("連絡先メールアドレスの形式が正しくありません（例：name@example.co.jp）。")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("入力内容を確認してください。");

        await page.GetByRole(AriaRole.Group, new() { Name = "表示言語" }).GetByText("English").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByText("Organisation name is required.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Organisation name")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
