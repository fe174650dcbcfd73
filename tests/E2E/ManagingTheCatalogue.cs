using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ManagingTheCatalogue(BrowserFixture browser)
{
    [Fact]
    public async Task An_operator_adds_a_service_that_everyone_then_sees_and_retires_it_again()
    {
        var (_, email) = await People.CreateAccountAsync(browser.Api);
        await using (var db = Database.Open())
            Assert.True(await Marketplace.Core.Identity.PlatformOperators.GrantAsync(db, email));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "カタログ管理（運営）" }).ClickAsync();
        var nameJa = $"経費精算チェック{Guid.NewGuid():N}"[..14];
        await page.GetByRole(AriaRole.Combobox, new() { Name = "種類" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "KPO" }).ClickAsync();
        await page.GetByLabel("日本語名").FillAsync(nameJa);
        await page.GetByLabel("英語名").FillAsync($"Expense checks {Guid.NewGuid():N}");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"「{nameJa}」を追加しました。");

        // Everyone sees it under KPO in the public catalogue.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/catalogue");
        await Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "ナレッジ・プロセス・アウトソーシング（KPO）" }).GetByText(nameJa)).ToBeVisibleAsync();

        // Retired, it is marked for the operator and gone from the public list.
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = nameJa }).GetByRole(AriaRole.Button, new() { Name = "提供終了にする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = nameJa })).ToContainTextAsync("提供終了");
        await visitor.ReloadAsync();
        await Expect(visitor.GetByText("給与計算")).ToBeVisibleAsync();
        await Expect(visitor.GetByText(nameJa)).ToHaveCountAsync(0);
    }
}
