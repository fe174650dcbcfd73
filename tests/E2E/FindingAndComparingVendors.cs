using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// The marketplace journey of issue 4: a vendor fills its profile and uploads a certificate, an operator verifies it,
/// a client searches in Japanese with facets, puts three vendors in the compare tray and reads them side by side.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FindingAndComparingVendors(BrowserFixture browser)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);

    /// <summary>A two-kanji word (rare kanji, CJK extension A) no other vendor uses, so the search shows exactly this test's vendors.</summary>
    private static string RareWord() => new(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0x3400, 0x4DB5)).ToArray());

    [Fact]
    public async Task A_client_finds_vendors_in_Japanese_narrows_them_with_facets_and_compares_three()
    {
        var word = RareWord();

        // The vendor fills its profile in the browser and uploads its ISMS certificate.
        var (vendorId, vendorEmail) = await People.CreateAccountAsync(browser.Api);
        var vendorName = Database.UniqueName("株式会社比較テスト");
        await new Person(browser.Api, vendorId, vendorEmail, People.Password, await People.SignInAsync(browser.Api, vendorEmail, People.Password))
            .CreateOrganisationAsync("vendor", vendorName);
        var vendor = await browser.NewPageAsync();
        await vendor.GotoAsync("/");
        await BrowserFixture.SignInAsync(vendor, vendorEmail);
        await vendor.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "ベンダープロフィール" }).ClickAsync();
        await vendor.GetByLabel("公開ページのアドレス").FillAsync($"compare-{Guid.NewGuid():N}"[..20]);
        await vendor.GetByLabel("紹介文", new() { Exact = true }).FillAsync($"{word}の業務を含め、給与計算を代行します。");
        await vendor.GetByText("未入力：").GetByRole(AriaRole.Button, new() { Name = "提供サービス" }).ClickAsync();
        await vendor.GetByRole(AriaRole.Checkbox, new() { Name = "給与計算" }).CheckAsync();
        await vendor.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(vendor.GetByRole(AriaRole.Status)).ToContainTextAsync("プロフィールを保存しました。");

        await vendor.GetByRole(AriaRole.Button, new() { Name = "認証を追加" }).ClickAsync();
        var form = vendor.GetByRole(AriaRole.Form, new() { Name = "認証の入力" });
        var number = $"IS-E2E-{Guid.NewGuid():N}"[..16]; // demo vendors hold random six-digit numbers: this one is never theirs
        await form.GetByLabel("登録番号").FillAsync(number);
        await form.GetByLabel("有効開始日").FillAsync(Today.AddYears(-1).ToString("yyyy-MM-dd"));
        await form.GetByLabel("有効期限").FillAsync(Today.AddYears(2).ToString("yyyy-MM-dd"));
        await form.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        var card = vendor.Locator(".mantine-Card-root").Filter(new() { HasText = number });
        var chooser = await vendor.RunAndWaitForFileChooserAsync(() => card.GetByRole(AriaRole.Button, new() { Name = "証憑をアップロード" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "ISMS登録証.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await Expect(card).ToContainTextAsync("確認待ち");

        // The operator verifies it.
        var (_, operatorEmail) = await People.CreateAccountAsync(browser.Api);
        await using (var db = Database.Open())
            Assert.True(await Marketplace.Core.Identity.PlatformOperators.GrantAsync(db, operatorEmail));
        var operatorPage = await browser.NewPageAsync();
        await operatorPage.GotoAsync("/operator/certifications");
        await operatorPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await BrowserFixture.SignInOnThePageAsync(operatorPage, operatorEmail);
        var queued = operatorPage.Locator(".mantine-Card-root").Filter(new() { HasText = number });
        await queued.GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync();
        await operatorPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync(); // the confirmation
        await Expect(queued).ToHaveCountAsync(0);

        // Two more vendors with the same word: one whose ISMS has expired, one without certifications.
        var expiredName = Database.UniqueName("期限切れテスト株式会社");
        await OtherVendorAsync(expiredName, word, ("isms", Today.AddYears(-3), Today.AddDays(-10)), monthlyFee: 90_000);
        var plainName = Database.UniqueName("認証なしテスト株式会社");
        await OtherVendorAsync(plainName, word, null, monthlyFee: 400_000);

        // The client searches in Japanese, with the two-character word.
        var client = await browser.NewPageAsync();
        await client.GotoAsync("/");
        await client.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "事業者を探す" }).ClickAsync();
        await client.GetByLabel("キーワード").FillAsync(word);
        await client.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await Expect(client.GetByText("3 件", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Contains($"q={Uri.EscapeDataString(word)}", client.Url); // the search is a link to share

        // Facets: ISMS held and valid (the expired one does not count), then only verified certifications.
        var isms = client.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^ISMS") });
        await Expect(client.GetByRole(AriaRole.Complementary, new() { Name = "絞り込み" })).ToContainTextAsync("ISMS（ISO/IEC 27001）(1)");
        // Click and then expect, rather than Check: the box follows the URL, which the router updates a moment later.
        await isms.ClickAsync();
        await Expect(isms).ToBeCheckedAsync();
        await Expect(client.GetByText("1 件", new() { Exact = true })).ToBeVisibleAsync();
        await client.GetByRole(AriaRole.Switch, new() { NameRegex = new Regex("運営が確認した認証のみ") }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.List, new() { Name = "検索結果" })).ToContainTextAsync(vendorName);
        await client.GoBackAsync(); // the filters are in the URL: back undoes the last one
        await Expect(client.GetByRole(AriaRole.Switch, new() { NameRegex = new Regex("運営が確認した認証のみ") })).Not.ToBeCheckedAsync();
        await isms.ClickAsync();
        await Expect(isms).Not.ToBeCheckedAsync();
        await Expect(client.GetByText("3 件", new() { Exact = true })).ToBeVisibleAsync();

        // Three vendors into the compare tray, then side by side.
        foreach (var name in new[] { vendorName, expiredName, plainName })
            await client.Locator(".mantine-Card-root").Filter(new() { HasText = name }).GetByRole(AriaRole.Checkbox, new() { Name = "比較に追加" }).ClickAsync();
        var tray = client.GetByRole(AriaRole.Region, new() { Name = "比較トレイ" });
        await Expect(tray).ToContainTextAsync("比較する事業者 3 / 5 社");
        await tray.GetByRole(AriaRole.Link, new() { Name = "並べて比較" }).ClickAsync();

        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "事業者の比較" })).ToBeVisibleAsync();
        var table = client.GetByRole(AriaRole.Table, new() { Name = "事業者の比較" });
        foreach (var name in new[] { vendorName, expiredName, plainName })
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = name })).ToBeVisibleAsync();
        var certifications = table.GetByRole(AriaRole.Row).Filter(new() { Has = client.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex("^認証") }) });
        await Expect(certifications).ToContainTextAsync("期限切れ");
        await Expect(certifications).ToContainTextAsync("確認済み");
        await Expect(certifications).ToContainTextAsync("差あり");
        var monthly = table.GetByRole(AriaRole.Row).Filter(new() { Has = client.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex("^月額基本料金") }) });
        await Expect(monthly).ToContainTextAsync("90,000 円");
        await Expect(client.GetByRole(AriaRole.Region, new() { Name = "料金の比較" })).ToBeVisibleAsync();
        await Expect(client.GetByRole(AriaRole.Button, new() { Name = "CSV をダウンロード" })).ToBeVisibleAsync();
    }

    private async Task OtherVendorAsync(string name, string word, (string Type, DateOnly From, DateOnly To)? certification, long monthlyFee)
    {
        var owner = await People.SignedInAsync(browser.Api);
        var organisationId = await owner.CreateOrganisationAsync("vendor", name);
        var client = owner.Client(organisationId);
        var saved = await client.PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = $"cmp-{Guid.NewGuid():N}"[..16],
            summary = $"{word}に強い事業者です。",
            serviceIds = new[] { Marketplace.Core.Catalogue.CatalogueSeed.Services.Single(s => s.Code == "payroll").Id },
            monthlyBaseYen = monthlyFee,
            hasBcp = true,
        });
        saved.EnsureSuccessStatusCode();
        if (certification is { } c)
            (await client.PostAsJsonAsync("/api/v1/vendor-profile/certifications", new
            {
                type = c.Type, registrationNumber = "IS 1", validFrom = c.From.ToString("yyyy-MM-dd"), validTo = c.To.ToString("yyyy-MM-dd"),
            })).EnsureSuccessStatusCode();
    }
}
