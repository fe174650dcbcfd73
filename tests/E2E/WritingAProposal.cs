using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class WritingAProposal(BrowserFixture browser)
{
    [Fact]
    public async Task A_vendor_writes_a_proposal_from_its_profile_submits_and_revises_while_the_client_sees_only_the_count()
    {
        var (client, rfpId) = await PublishAsync(TimeSpan.FromDays(20));
        var (vendorOwner, _) = await VendorAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/vendor/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(page, vendorOwner.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "提案書を作成" }).ClickAsync();
        // The Free plan's quota shows before the proposal is started, and that Free has no answer library.
        await Expect(page.GetByTestId("proposal-quota")).ToContainTextAsync("残り 3 件（3 件まで");
        // One true sentence: the fees come from the profile, the security answers do not on this plan.
        await Expect(page.GetByText("費用はプロフィールから入力済みで始まりますが、セキュリティ質問の回答はいまのプランでは自動入力されません（回答ライブラリはスタンダード以上のプランで使えます）。", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("セキュリティ質問の回答は、プロフィールから入力済み", new() { Exact = false })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "提案を作成する" }).ClickAsync();

        // Started from the profile: the fees are there, and so is the cost over 24 months:
        // 500,000 + 300,000 × 24 + (1,000 × 100 + 200 × 80) × 24. The security answers are not (Free has no answer
        // library; the upgrade journey shows them filled in on Standard).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "提案書" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("アクセス権限の管理方法")).ToHaveValueAsync("");
        await page.GetByLabel("アクセス権限の管理方法").FillAsync(ProposalScenarios.AccessControlAnswer);
        await page.GetByLabel("セキュリティ事故発生時の連絡・対応手順").FillAsync("1 時間以内に第一報を入れます。");
        var cost = page.GetByRole(AriaRole.Region, new() { Name = "総保有コスト（24 か月）" });
        await Expect(cost).ToContainTextAsync("￥10,484,000");
        var missing = page.GetByText("提出前に記入が必要な項目", new() { Exact = false });
        await Expect(missing).ToBeVisibleAsync();

        await page.GetByLabel("「期限遵守率」のコミット値").FillAsync("99.5");
        foreach (var question in new[] { "操作ログ・監査ログの取得と保管", "再委託の有無と承認・管理の方法", "お預かりするデータ・個人情報の保管場所と取り扱い", "RFP のセキュリティ要件への対応" })
            await page.GetByLabel(question).FillAsync($"{question}について、当社の規程に従って対応します。");
        await page.GetByLabel("移行計画").FillAsync("1 か月の並走ののち切り替えます。");
        await page.GetByLabel("体制", new() { Exact = true }).FillAsync("専任 3 名、責任者 1 名。");
        await page.GetByLabel("マニュアル・ノウハウの引き継ぎ").FillAsync("手順書を引き渡します。");
        await page.GetByLabel("データの返却と消去").FillAsync("CSV で返却し、消去証明を出します。");
        // A case study attached through the upload button (a text file pretending to be a PDF is refused first).
        var attachments = page.GetByRole(AriaRole.Region, new() { Name = "添付資料" });
        var refused = await page.RunAndWaitForFileChooserAsync(() => attachments.GetByRole(AriaRole.Button, new() { Name = "ファイルを添付" }).ClickAsync());
        await refused.SetFilesAsync(new FilePayload { Name = "偽物.pdf", MimeType = "application/pdf", Buffer = "not a pdf"u8.ToArray() });
        await Expect(attachments.GetByRole(AriaRole.Alert)).ToContainTextAsync("PDF・PNG・JPEG");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => attachments.GetByRole(AriaRole.Button, new() { Name = "ファイルを添付" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "導入事例.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 導入事例"u8.ToArray() });
        await Expect(attachments.GetByRole(AriaRole.Button, new() { Name = "導入事例.pdf", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("提出できます")).ToBeVisibleAsync(new() { Timeout = 15_000 }); // saved as typed; nothing missing
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Expect(page.GetByText("提出しました。")).ToBeVisibleAsync();
        await Expect(page.GetByText("提出済み", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("第 1 版（RFP 第 1 版に対して）")).ToBeVisibleAsync();

        // The client sees that one proposal is in, sealed: not whose.
        var clientPage = await browser.NewPageAsync();
        await clientPage.GotoAsync($"/client/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(clientPage, client.Email);
        var sealedCount = clientPage.GetByTestId("sealed-proposals");
        await Expect(sealedCount).ToContainTextAsync("提出済みの提案：1 件");
        await Expect(sealedCount).ToContainTextAsync("封緘されています");
        await Expect(clientPage.GetByRole(AriaRole.Region, new() { Name = "参加状況" })).ToContainTextAsync("参加表明 1 社");

        // A revision before the deadline is a second version with its own receipt time; a double click submits it once.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "概要", Exact = true }).FillAsync("請求書発行を 2 名体制で安定させます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "改訂版を提出する" }).DblClickAsync();
        await Expect(page.GetByText("第 2 版（RFP 第 1 版に対して）")).ToBeVisibleAsync();
        // Nobody is told of an error: the second click was the first one's request.
        await Expect(page.GetByText("他の画面で変更されました")).ToHaveCountAsync(0);
        await Expect(page.GetByText("他の操作と重なりました")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByText("第 2 版（RFP 第 1 版に対して）")).ToBeVisibleAsync();
        await Expect(page.GetByText("第 3 版", new() { Exact = false })).ToHaveCountAsync(0);
        await clientPage.ReloadAsync();
        await Expect(clientPage.GetByTestId("sealed-proposals")).ToContainTextAsync("提出済みの提案：1 件");

        // The plan page: Free, one of three used (the revision did not count).
        await page.GetByRole(AriaRole.Link, new() { Name = "プラン" }).ClickAsync();
        await Expect(page.GetByTestId("proposal-quota")).ToContainTextAsync("残り 2 件（3 件まで");
    }

    /// <summary>A published RFP for invoice processing, written through the Api (the builder has its own journey).</summary>
    private async Task<(Person Client, Guid Rfp)> PublishAsync(TimeSpan untilDeadline)
    {
        var (owner, _, _, rfpId) = await ProposalScenarios.PublishByAsync(browser.Api, untilDeadline: untilDeadline);
        return (owner, rfpId);
    }

    /// <summary>A vendor whose profile states its fees and two security practices (its answer library).</summary>
    private async Task<(Person Owner, Guid Organisation)> VendorAsync()
    {
        var vendorOwner = await People.SignedInAsync(browser.Api);
        var vendor = await vendorOwner.CreateOrganisationAsync("vendor", Database.UniqueName("請求書サービス株式会社"));
        await ProposalScenarios.WriteVendorProfileAsync(vendorOwner.Client(vendor));
        return (vendorOwner, vendor);
    }

    [Fact]
    public async Task After_the_deadline_procurement_compares_the_total_cost_and_reads_the_proposal()
    {
        var (client, rfpId) = await PublishAsync(TimeSpan.FromSeconds(12));
        var (vendorOwner, vendorOrganisation) = await VendorAsync();
        var vendor = vendorOwner.Client(vendorOrganisation);
        var proposal = await (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).Content.ReadFromJsonAsync<JsonElement>();
        var content = JsonSerializer.Deserialize<Dictionary<string, object?>>(proposal.GetProperty("content").GetRawText())!;
        content["summary"] = "請求書発行を 2 名体制で安定させます。";
        content["kpis"] = new[] { new { metric = "期限遵守率", committed = 98m } }; // short of the 99 % target: a flag
        content["security"] = Marketplace.Core.Proposals.SecurityQuestionnaire.Questions.Select(q => new { code = q, answer = "規程に従って対応します。" });
        content["transitionPlan"] = "並走 1 か月。";
        content["team"] = "専任 3 名。";
        content["exit"] = new { manualHandover = "手順書を引き渡します。", dataReturn = "CSV で返却します。" };
        (await vendor.PutAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", content)).EnsureSuccessStatusCode();
        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();

        await ProposalScenarios.UntilClosedAsync(vendor, rfpId); // the deadline passes: the proposals open
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/client/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(page, client.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "提案を見る" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "提出された提案" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "￥10,484,000" });
        await Expect(row).ToContainTextAsync("SLA のコミットが目標に届きません（期限遵守率）");
        await Expect(row).ToContainTextAsync("±20%：￥10,004,000〜￥10,944,800");
        await row.GetByRole(AriaRole.Button, new() { Name = "内容を見る" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("請求書発行を 2 名体制で安定させます。");
    }
}
