using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class BuildingAnRfp(BrowserFixture browser)
{
    [Fact]
    public async Task A_client_builds_an_rfp_from_a_task_fixes_a_disguised_contracting_sentence_publishes_and_answers_a_matched_vendors_question()
    {
        var (id, email) = await People.CreateAccountAsync(browser.Api);
        var tokens = await People.SignInAsync(browser.Api, email, People.Password);
        var owner = new Person(browser.Api, id, email, People.Password, tokens);
        var organisation = await owner.CreateOrganisationAsync("client", Database.UniqueName("RFP 商事株式会社"));
        var task = await (await owner.Client(organisation).PostAsJsonAsync("/api/v1/work-inventory/tasks", new
        {
            name = "月次給与計算", frequency = "monthly", hoursPerMonth = 60, monthlyVolume = 350, volumeUnit = "名", expertise = "medium", substitutability = "hard",
        })).Content.ReadFromJsonAsync<JsonElement>();
        await owner.Client(organisation).PutAsJsonAsync($"/api/v1/work-inventory/tasks/{task.GetProperty("id").GetGuid()}/check",
            new { yes = new[] { "standardisable", "seasonal" } });

        // A vendor offering payroll, for the matching after publishing.
        var vendorOwner = await People.SignedInAsync(browser.Api);
        var vendorName = Database.UniqueName("給与計算サービス株式会社");
        var vendor = await vendorOwner.CreateOrganisationAsync("vendor", vendorName);
        (await vendorOwner.Client(vendor).PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = $"rfp-match-{Guid.NewGuid():N}"[..20], summary = "給与計算の BPO です。", monthlyBaseYen = 300_000,
            serviceIds = new[] { Marketplace.Core.Catalogue.CatalogueSeed.Services.Single(s => s.Code == "payroll").Id },
        })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/client/work-inventory");
        await BrowserFixture.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "月次給与計算 を選ぶ" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "選んだ業務で RFP を作成（1）" }).ClickAsync();

        // The draft starts with the task's scope and volume; the panel lists what is missing.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "月次給与計算の委託" })).ToBeVisibleAsync();
        var problems = page.GetByRole(AriaRole.Region, new() { Name = "公開前に直すこと" });
        await Expect(problems).ToContainTextAsync("目的を入力してください。");
        await Expect(problems).ToContainTextAsync("KPI・SLA の目標を 1 つ以上設定してください。");

        await page.GetByLabel("目的", new() { Exact = true }).FillAsync("給与計算の属人化を解消し、ミス率を下げる。");
        await OpenAsync(page, "委託範囲");
        await page.GetByLabel("責任分界点").FillAsync("勤怠データの確定までは当社、以降は受託者。");
        await OpenAsync(page, "KPI・SLA 目標");
        await page.GetByRole(AriaRole.Button, new() { Name = "KPI を追加" }).ClickAsync();
        await page.GetByLabel("指標", new() { Exact = true }).FillAsync("期限遵守率");
        await page.GetByLabel("目標値", new() { Exact = true }).FillAsync("99.5");
        // A new row does not guess which way is better: publishing asks until it is chosen, in words.
        await Expect(problems).ToContainTextAsync("KPI 1 行目：「高いほど良い」か「低いほど良い」かを選んでください。");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "良い方向" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "高いほど良い" }).ClickAsync();
        await OpenAsync(page, "コミュニケーション設計");
        await page.GetByLabel("窓口・報告頻度・定例会").FillAsync("受託者の作業者は当社社員の指示に従って作業すること。");

        // The check reads the sentence, explains it and suggests outcome-based wording; rewording clears it.
        var findings = page.GetByRole(AriaRole.Region, new() { Name = "偽装請負のチェック" });
        await Expect(findings).ToContainTextAsync("受託者の作業者は当社社員の指示に従って作業すること。");
        await Expect(findings).ToContainTextAsync("書き換えの例：");
        await page.GetByLabel("窓口・報告頻度・定例会").FillAsync("窓口は双方 1 名とし、受託者の責任者が作業を指示する。月次で報告会を行う。");
        await Expect(findings).ToContainTextAsync("指揮命令と読める文は見つかりませんでした。");

        await OpenAsync(page, "移行計画");
        await page.GetByLabel("移行・引き継ぎの計画").FillAsync("2 か月の並走ののち切り替える。");
        await OpenAsync(page, "契約期間・予算・想定ボリューム");
        await page.GetByLabel("契約期間（か月）").FillAsync("24");
        await page.GetByLabel("予算（月額・下限）").FillAsync("200000");
        await page.GetByLabel("予算（月額・上限）").FillAsync("400000");
        await OpenAsync(page, "締切と公開範囲");
        await page.GetByLabel("質問の締切").FillAsync(DateTime.Now.AddDays(10).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("提案の締切").FillAsync(DateTime.Now.AddDays(30).ToString("yyyy-MM-ddTHH:mm"));

        // A document for the vendors, with the upload rules of certification evidence.
        await OpenAsync(page, "添付資料");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "業務フロー.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF"u8.ToArray() });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "業務フロー.pdf", Exact = true })).ToBeVisibleAsync();

        await Expect(problems).ToContainTextAsync("公開に必要な項目はそろっています。");
        await page.GetByRole(AriaRole.Button, new() { Name = "公開する" }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "RFP を公開する" });
        // A dialog without fields starts on its first button ("back"), never on the header's close button, which has a name.
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "戻る" })).ToBeFocusedAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "ダイアログを閉じる" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        // Focus moves to the result.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "第 1 版を公開しました" })).ToBeFocusedAsync();
        await Expect(page.GetByText("公開中", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "公開済み（第 1 版）" })).ToBeVisibleAsync();
        // Published, it reads as a document: every section open, nothing greyed out in a locked form.
        var document = page.GetByRole(AriaRole.Region, new() { Name = "RFP の内容" });
        await Expect(document.GetByRole(AriaRole.Region, new() { Name = "コミュニケーション設計" }))
            .ToContainTextAsync("窓口は双方 1 名とし、受託者の責任者が作業を指示する。月次で報告会を行う。");
        await Expect(document.GetByRole(AriaRole.Region, new() { Name = "移行計画" })).ToContainTextAsync("2 か月の並走ののち切り替える。");
        await Expect(document.GetByRole(AriaRole.Region, new() { Name = "KPI・SLA 目標" })).ToContainTextAsync("期限遵守率");
        await Expect(document.GetByRole(AriaRole.Region, new() { Name = "契約期間・予算・想定ボリューム" })).ToContainTextAsync("24 か月");
        await Expect(page.Locator("fieldset[disabled]")).ToHaveCountAsync(0);

        // The Workers match it: the best fits appear with their score and reasons (the shared test database holds many
        // payroll vendors, so this one need not be on the panel's first page).
        var matches = page.GetByRole(AriaRole.Region, new() { Name = "マッチしたベンダー" });
        await Expect(matches).ToContainTextAsync("条件（サービス・認証・BCP・地域・言語）を満たした", new() { Timeout = 30_000 });
        await Expect(matches).ToContainTextAsync("依頼サービス 1 件のうち 1 件を提供しています。");
        var rfpId = page.Url.Split('/').Last();
        // The best matches are stored first, the rest a moment later (decision 0013): wait for this vendor's.
        List<JsonElement> all = [];
        await Eventually.True(async () =>
        {
            all = await RfpMatches.AllAsync(owner.Client(organisation), Guid.Parse(rfpId));
            return all.Any(m => m.GetProperty("vendorId").GetGuid() == vendor);
        }, "the vendor's match");
        var ours = Assert.Single(all, m => m.GetProperty("vendorId").GetGuid() == vendor);
        // Every match can be read in the panel, a page at a time: the vendor is on the page its rank puts it on.
        await page.ReloadAsync();
        var rank = all.FindIndex(m => m.GetProperty("vendorId").GetGuid() == vendor);
        await Expect(matches).ToContainTextAsync($"{all.Count} 社です");
        if (all.Count > 10)
        {
            await Expect(matches).ToContainTextAsync($"{all.Count} 社中 1〜10 社目");
            for (var shown = 1; shown <= rank / 10; shown++) await matches.GetByRole(AriaRole.Button, new() { Name = "次のページ" }).ClickAsync();
        }
        await Expect(matches.GetByRole(AriaRole.Link, new() { Name = vendorName })).ToBeVisibleAsync();
        Assert.Contains(ours.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString() == "月額基本料金 300,000 円は予算の範囲内です。");

        // The matched vendor finds it in its feed, with why it was matched, and asks a question.
        var vendorPage = await browser.NewPageAsync();
        await vendorPage.GotoAsync("/vendor/rfps");
        await BrowserFixture.SignInAsync(vendorPage, vendorOwner.Email);
        var card = vendorPage.GetByRole(AriaRole.Article).Filter(new() { HasText = "月次給与計算の委託" });
        await Expect(card).ToContainTextAsync("依頼サービス 1 件のうち 1 件を提供しています。");
        await Expect(card).ToContainTextAsync("月額基本料金 300,000 円は予算の範囲内です。");
        await card.GetByRole(AriaRole.Link, new() { Name = "月次給与計算の委託" }).ClickAsync();
        await Expect(vendorPage.GetByRole(AriaRole.Heading, new() { Name = "月次給与計算の委託" })).ToBeVisibleAsync();
        await vendorPage.GetByLabel("質問", new() { Exact = true }).FillAsync("年末調整の対象人数は何名ですか。");
        await vendorPage.GetByRole(AriaRole.Button, new() { Name = "質問を送る" }).ClickAsync();
        await Expect(vendorPage.GetByText("質問を送りました。")).ToBeVisibleAsync();
        await Expect(vendorPage.GetByText("参加を表明しました")).ToBeVisibleAsync(); // asking is taking part
        await Expect(vendorPage.GetByRole(AriaRole.Region, new() { Name = "添付資料" })).ToContainTextAsync("業務フロー.pdf");

        // The client answers it on the RFP's page; the answer is published without the asker's name.
        await page.ReloadAsync();
        var questions = page.GetByRole(AriaRole.Region, new() { Name = "質疑応答" });
        await Expect(questions).ToContainTextAsync("年末調整の対象人数は何名ですか。");
        // Who asked stays hidden until the proposals open: asking says who takes part.
        await Expect(questions).ToContainTextAsync("質問者は提案の開封後に表示されます");
        await Expect(questions).Not.ToContainTextAsync(vendorName);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "参加状況" })).ToContainTextAsync("参加表明 1 社");
        await questions.GetByLabel("回答", new() { Exact = true }).FillAsync("約 350 名です。");
        await questions.GetByRole(AriaRole.Button, new() { Name = "回答を公開" }).ClickAsync();
        await Expect(questions.GetByText("未回答")).ToBeHiddenAsync();

        // An addendum: the client edits the published RFP and publishes the change as version 2.
        await page.GetByRole(AriaRole.Button, new() { Name = "変更（補遺）を作成" }).ClickAsync();
        await page.GetByLabel("目的", new() { Exact = true }).FillAsync("給与計算の属人化を解消し、ミス率を 0.1% 未満にする。");
        await OpenAsync(page, "締切と公開範囲");
        await Expect(page.GetByText("公開後の締切は、後ろにだけ動かせます。変更の公開から提案の締切まで 3 日")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "変更を公開" }).ClickAsync();
        var addendum = page.GetByRole(AriaRole.Dialog, new() { Name = "変更（補遺）を公開" });
        await addendum.GetByLabel("変更内容の要約").FillAsync("目的にミス率の目標を加えました。");
        await addendum.GetByRole(AriaRole.Button, new() { Name = "変更を公開" }).ClickAsync();
        await Expect(addendum).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "公開済み（第 2 版）" })).ToBeVisibleAsync();
        // Back to the document, with the change in it and its summary in the history.
        await Expect(document).ToContainTextAsync("給与計算の属人化を解消し、ミス率を 0.1% 未満にする。");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "参加状況" })).ToContainTextAsync("目的にミス率の目標を加えました。");

        // The vendor reads the answer and the change.
        await vendorPage.ReloadAsync();
        var shared = vendorPage.GetByRole(AriaRole.Region, new() { Name = "質疑応答" });
        await Expect(shared).ToContainTextAsync("約 350 名です。");
        await Expect(shared).Not.ToContainTextAsync(vendorName); // nobody is named
        await Expect(vendorPage.GetByText("目的にミス率の目標を加えました。")).ToBeVisibleAsync();
        await Expect(vendorPage.GetByText("給与計算の属人化を解消し、ミス率を 0.1% 未満にする。")).ToBeVisibleAsync();

        // The client keeps it as a template and starts the next RFP from it.
        var templateName = Database.UniqueName("給与計算の標準");
        await page.GetByRole(AriaRole.Button, new() { Name = "テンプレートとして保存" }).ClickAsync();
        var templateDialog = page.GetByRole(AriaRole.Dialog, new() { Name = "テンプレートとして保存" });
        await templateDialog.GetByLabel("テンプレート名").FillAsync(templateName);
        await templateDialog.GetByRole(AriaRole.Button, new() { Name = "テンプレートとして保存" }).ClickAsync();
        await Expect(templateDialog).ToBeHiddenAsync();
        await page.GotoAsync("/client/rfps");
        await page.GetByRole(AriaRole.Button, new() { Name = "テンプレートから作成" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = templateName }).ClickAsync();
        await Expect(page.GetByText("下書き", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("目的", new() { Exact = true })).ToHaveValueAsync("給与計算の属人化を解消し、ミス率を 0.1% 未満にする。");
    }

    private static async Task OpenAsync(IPage page, string section)
    {
        var control = page.Locator("button[data-accordion-control]").Filter(new() { HasText = section });
        if (await control.GetAttributeAsync("aria-expanded") != "true") await control.ClickAsync();
    }
}
