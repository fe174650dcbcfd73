using System.Text;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class VerifyingACertification(BrowserFixture browser)
{
    [Fact]
    public async Task A_vendor_uploads_evidence_and_an_operator_verifies_it()
    {
        // The vendor: an account with a vendor organisation.
        var (vendorId, vendorEmail) = await People.CreateAccountAsync(browser.Api);
        var vendorTokens = await People.SignInAsync(browser.Api, vendorEmail, People.Password);
        var vendorName = Database.UniqueName("株式会社認証テスト");
        await new Person(browser.Api, vendorId, vendorEmail, People.Password, vendorTokens).CreateOrganisationAsync("vendor", vendorName);
        var vendor = await browser.NewPageAsync();
        await vendor.GotoAsync("/vendor/profile");
        await vendor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await BrowserFixture.SignInOnThePageAsync(vendor, vendorEmail);

        await vendor.GetByRole(AriaRole.Button, new() { Name = "認証を追加" }).ClickAsync();
        var form = vendor.GetByRole(AriaRole.Form, new() { Name = "認証の入力" });
        var number = $"IS-E2E-{Guid.NewGuid():N}"[..16]; // demo vendors hold random six-digit numbers: this one is never theirs
        await form.GetByLabel("登録番号").FillAsync(number);
        await form.GetByLabel("有効開始日").FillAsync("2025-04-01");
        await form.GetByLabel("有効期限").FillAsync("2025-03-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(form.GetByText("有効期限は有効開始日以降の日付にしてください。")).ToBeVisibleAsync();
        await form.GetByLabel("有効期限").FillAsync("2028-03-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        var card = vendor.Locator(".mantine-Card-root").Filter(new() { HasText = number });
        await Expect(card).ToContainTextAsync("証憑なし");
        var chooser = await vendor.RunAndWaitForFileChooserAsync(() => card.GetByRole(AriaRole.Button, new() { Name = "証憑をアップロード" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "ISMS登録証.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await Expect(card).ToContainTextAsync("確認待ち");
        await Expect(card).ToContainTextAsync("ISMS登録証.pdf");

        // The operator finds it in the queue and verifies it.
        var (_, operatorEmail) = await People.CreateAccountAsync(browser.Api);
        await using (var db = Database.Open())
            Assert.True(await Marketplace.Core.Identity.PlatformOperators.GrantAsync(db, operatorEmail));
        var operatorPage = await browser.NewPageAsync();
        await operatorPage.GotoAsync("/");
        await BrowserFixture.SignInAsync(operatorPage, operatorEmail);
        await operatorPage.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "認証の確認（運営）" }).ClickAsync();
        var queued = operatorPage.Locator(".mantine-Card-root").Filter(new() { HasText = number });
        await Expect(queued).ToContainTextAsync(vendorName);
        await queued.GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync();
        await Expect(queued).ToHaveCountAsync(0);

        await vendor.ReloadAsync();
        await Expect(vendor.Locator(".mantine-Card-root").Filter(new() { HasText = number })).ToContainTextAsync("確認済み");
    }
}
