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
        var vendorPerson = new Person(browser.Api, vendorId, vendorEmail, People.Password, vendorTokens);
        var vendorOrganisation = await vendorPerson.CreateOrganisationAsync("vendor", vendorName);
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
        await Expect(queued).ToContainTextAsync("から待機（0 日）");

        // Filters: it ends in 2028, so "ending within 6 months" leaves it out; the type filter keeps it.
        await operatorPage.GetByLabel("有効期限が 6 か月以内のものだけ").CheckAsync();
        await Expect(queued).ToHaveCountAsync(0);
        await operatorPage.GetByLabel("有効期限が 6 か月以内のものだけ").UncheckAsync();
        await operatorPage.GetByRole(AriaRole.Combobox, new() { Name = "認証の種類" }).ClickAsync();
        await operatorPage.GetByRole(AriaRole.Option, new() { Name = "ISMS（ISO/IEC 27001）" }).ClickAsync();
        await Expect(queued).ToHaveCountAsync(1);
        await operatorPage.GetByRole(AriaRole.Combobox, new() { Name = "待っている日数" }).ClickAsync();
        await operatorPage.GetByRole(AriaRole.Option, new() { Name = "7 日以上" }).ClickAsync();
        await Expect(queued).ToHaveCountAsync(0);
        await operatorPage.GetByRole(AriaRole.Combobox, new() { Name = "待っている日数" }).ClickAsync();
        await operatorPage.GetByRole(AriaRole.Option, new() { Name = "7 日以上" }).ClickAsync(); // chosen again: cleared
        await Expect(queued).ToHaveCountAsync(1);

        // Declining asks for the reason (focus on it), refuses an empty one, and tells the vendor.
        await queued.GetByRole(AriaRole.Button, new() { Name = "見送る" }).ClickAsync();
        var decline = operatorPage.GetByRole(AriaRole.Dialog, new() { Name = $"{vendorName} の ISMS（ISO/IEC 27001） の確認を見送る" });
        await Expect(decline.GetByLabel("見送る理由")).ToBeFocusedAsync();
        await Expect(decline.GetByRole(AriaRole.Button, new() { Name = "理由を伝えて見送る" })).ToBeDisabledAsync();
        await decline.GetByLabel("見送る理由").FillAsync("証憑の登録番号が入力と一致しません。登録証の写しを添付し直してください。");
        await decline.GetByRole(AriaRole.Button, new() { Name = "理由を伝えて見送る" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Status).Filter(new() { HasText = "の確認を見送りました。理由をベンダーに通知しました。" })).ToBeFocusedAsync();
        await Expect(queued).ToHaveCountAsync(0);

        await vendor.ReloadAsync();
        var mine = vendor.Locator(".mantine-Card-root").Filter(new() { HasText = number });
        await Expect(mine).ToContainTextAsync("運営が確認を見送りました");
        await Expect(mine).ToContainTextAsync("証憑の登録番号が入力と一致しません。");
        // The vendor's notification carries the reason.
        var notices = await (await vendorPerson.Client(vendorOrganisation).GetAsync("/api/v1/notifications")).Content.ReadAsStringAsync();
        Assert.Contains("certification.rejected", notices);
        Assert.Contains("登録証の写しを添付し直してください。", notices);

        // The vendor attaches the evidence again: it waits in the queue once more, and the operator verifies it.
        chooser = await vendor.RunAndWaitForFileChooserAsync(() => mine.GetByRole(AriaRole.Button, new() { Name = "証憑を差し替え" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "ISMS登録証_再提出.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await Expect(mine).ToContainTextAsync("ISMS登録証_再提出.pdf");
        await Expect(mine).Not.ToContainTextAsync("運営が確認を見送りました");

        await operatorPage.ReloadAsync();
        await Expect(queued).ToHaveCountAsync(1);
        await queued.GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync();
        var confirm = operatorPage.GetByRole(AriaRole.Dialog, new() { Name = $"{vendorName} の ISMS（ISO/IEC 27001） を確認済みにしますか？" });
        await Expect(confirm).ToContainTextAsync(number);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Status).Filter(new() { HasText = "を確認済みにしました。ベンダーに通知しました。" })).ToBeFocusedAsync();
        await Expect(queued).ToHaveCountAsync(0);

        await vendor.ReloadAsync();
        await Expect(vendor.Locator(".mantine-Card-root").Filter(new() { HasText = number })).ToContainTextAsync("確認済み");
    }
}
