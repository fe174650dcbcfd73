using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SigningUpInTheBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_signs_up_reads_the_confirmation_mail_and_confirms_the_address()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "アカウント作成" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("アカウントを作成する | Marketplace");

        // A weak password is explained beside the field, in Japanese.
        var email = $"browser-{Guid.NewGuid():N}@example.jp";
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel(new Regex("^パスワード")).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "アカウントを作成" }).ClickAsync();
        await Expect(page.GetByText("パスワードは 10 文字以上にしてください。")).ToBeVisibleAsync();

        await page.GetByLabel(new Regex("^パスワード")).FillAsync("はるのうららの隅田川");
        await page.GetByRole(AriaRole.Button, new() { Name = "アカウントを作成" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("確認メールを送信しました");

        // The real mail, from the mail catcher; its link opens the SPA's confirmation page.
        var mail = await MailCatcher.WaitForAsync(email);
        var link = Regex.Match(mail.Text, @"https?://[^/\s]+(?<path>/account/confirm\?\S+)");
        Assert.True(link.Success, mail.Text);
        await page.GotoAsync(link.Groups["path"].Value);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("メールアドレスを確認しました。");
    }

    [Fact]
    public async Task A_broken_confirmation_link_says_so_and_what_to_do()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/account/confirm?user={Guid.NewGuid()}&token=AAAA");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("このリンクは無効か、有効期限が切れています。");
    }
}
