using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ResettingAPassword(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_who_forgot_the_password_resets_it_from_the_mail_and_signs_in_with_the_new_one()
    {
        var (_, email) = await People.CreateAccountAsync(browser.Api);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "パスワードをお忘れの方" }).ClickAsync();
        // The sign-in page stays on screen while the next page's code arrives: wait for the page, not for a field.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "パスワードの再設定" })).ToBeVisibleAsync();
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "再設定リンクを送る" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("パスワード再設定の案内を送信しました");

        var mail = await MailCatcher.WaitForAsync(email, "パスワードの再設定");
        var link = Regex.Match(mail.Text, @"https?://[^/\s]+(?<path>/account/reset-password\?\S+)");
        Assert.True(link.Success, mail.Text);
        await page.GotoAsync(link.Groups["path"].Value);
        await page.GetByLabel(new Regex("^新しいパスワード")).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "パスワードを設定する" }).ClickAsync();
        await Expect(page.GetByText("パスワードは 10 文字以上にしてください。")).ToBeVisibleAsync();
        await page.GetByLabel(new Regex("^新しいパスワード")).FillAsync("ふるいけやかわずとびこむ");
        await page.GetByRole(AriaRole.Button, new() { Name = "パスワードを設定する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("新しいパスワードでサインインしてください。");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await BrowserFixture.SignInOnThePageAsync(page, email, "ふるいけやかわずとびこむ");
    }
}
