using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// Issue 6's journey, as separate people in separate companies live it (issue 17). The client's owner publishes and
/// brings in a procurement lead, two evaluators and an approver; three vendors, each its own company none of them
/// belongs to, submit (one revises, one withdraws and resubmits, one withdraws in the browser for good). The deadline
/// passes; procurement sets a blind panel, the evaluators score on their own without ever seeing a vendor's name,
/// procurement settles the one disagreement, compares, exports Excel and proposes the award; the approver approves;
/// the losing vendor reads its notice, which names no rival; the client records a KPI review, which the winner reads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluatingProposals(BrowserFixture browser)
{
    private static readonly string[] JudgedAxes = ["実績", "体制", "セキュリティ", "SLA・品質管理", "改善提案力", "BCP", "契約条件"];

    [Fact]
    public async Task Three_vendors_propose_two_evaluators_score_blind_procurement_compares_and_a_second_person_approves_each_seeing_only_the_names_it_may()
    {
        var (owner, organisation, _, rfpId) = await ProposalScenarios.PublishByAsync(browser.Api, untilDeadline: TimeSpan.FromSeconds(45));
        var cheapName = Database.UniqueName("低価格サービス");
        var dearName = Database.UniqueName("手厚いサービス");
        var leavingName = Database.UniqueName("辞退サービス");
        var (winnerOwner, _, cheap) = await ProposalScenarios.SubmittedProposalByAsync(browser.Api, rfpId, "標準的な体制で安価に運用します。", vendorName: cheapName);
        var (loserOwner, _, dear) = await ProposalScenarios.SubmittedProposalByAsync(browser.Api, rfpId, "手厚い体制で運用します。",
            c => c["fees"] = new { initialYen = 2_000_000, monthlyYen = 600_000 }, dearName);
        var (leavingOwner, _, _) = await ProposalScenarios.SubmittedProposalByAsync(browser.Api, rfpId, "今回は見送るかもしれない提案です。", vendorName: leavingName);
        string[] vendorNames = [cheapName, dearName, leavingName];
        // One revises (a second version), another withdraws, reopens and submits again.
        (await cheap.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();
        (await dear.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/withdraw", null)).EnsureSuccessStatusCode();
        (await dear.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/reopen", null)).EnsureSuccessStatusCode();
        (await dear.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal/submit", null)).EnsureSuccessStatusCode();

        // The third withdraws in the browser, before the deadline, and sees its proposal as withdrawn.
        var leaving = await browser.NewPageAsync();
        await leaving.GotoAsync($"/vendor/rfps/{rfpId}/proposal");
        await BrowserFixture.SignInAsync(leaving, leavingOwner.Email);
        // The app's own dialog asks first, with focus on "cancel" so that Enter destroys nothing; Escape changes nothing.
        await leaving.GetByRole(AriaRole.Button, new() { Name = "提案を取り下げる" }).ClickAsync();
        var asking = leaving.GetByRole(AriaRole.Dialog, new() { Name = "提案を取り下げますか？" });
        await Expect(asking).ToContainTextAsync("取り下げた提案は評価されません。");
        await Expect(asking.GetByRole(AriaRole.Button, new() { Name = "キャンセル" })).ToBeFocusedAsync();
        await Expect(asking.GetByRole(AriaRole.Button, new() { Name = "ダイアログを閉じる" })).ToBeVisibleAsync();
        await leaving.Keyboard.PressAsync("Escape");
        await Expect(asking).ToBeHiddenAsync();
        await Expect(leaving.GetByText("この提案は取り下げています。", new() { Exact = false })).ToHaveCountAsync(0);
        await leaving.GetByRole(AriaRole.Button, new() { Name = "提案を取り下げる" }).ClickAsync();
        await asking.GetByRole(AriaRole.Button, new() { Name = "提案を取り下げる" }).ClickAsync();
        await Expect(leaving.GetByText("この提案は取り下げています。", new() { Exact = false })).ToBeVisibleAsync();
        // The history keeps the submission and the withdrawal, each with its time.
        var history = leaving.GetByRole(AriaRole.Listitem).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("取り下げ$") });
        await Expect(history).ToHaveCountAsync(1);
        await Expect(leaving.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "第 1 版" })).ToBeVisibleAsync();

        var procurement = await People.SignedInAsync(browser.Api);
        var first = await People.SignedInAsync(browser.Api);
        var second = await People.SignedInAsync(browser.Api);
        var approver = await People.SignedInAsync(browser.Api);
        await owner.AddMemberAsync(organisation, procurement, "procurement");
        await owner.AddMemberAsync(organisation, first, "evaluator");
        await owner.AddMemberAsync(organisation, second, "evaluator");
        await owner.AddMemberAsync(organisation, approver, "admin");
        await ProposalScenarios.UntilOpenAsync(owner.Client(organisation), rfpId);

        // Procurement opens the evaluation from the RFP and sets a blind panel.
        var lead = await browser.NewPageAsync();
        await lead.GotoAsync($"/client/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(lead, procurement.Email);
        await lead.GetByRole(AriaRole.Link, new() { Name = "評価と比較へ" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "評価と比較" })).ToBeVisibleAsync();
        var evaluators = lead.GetByRole(AriaRole.Combobox, new() { Name = "評価者" });
        foreach (var person in new[] { first, second })
        {
            await evaluators.ClickAsync();
            await lead.GetByRole(AriaRole.Option, new() { Name = person.Email }).ClickAsync();
        }
        await lead.Keyboard.PressAsync("Escape"); // close the list of members
        await lead.GetByRole(AriaRole.Switch, new() { Name = "ブラインド評価（評価者にベンダー名を伏せる）" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Switch, new() { Name = "ブラインド評価（評価者にベンダー名を伏せる）" })).ToBeCheckedAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(lead.GetByText("評価中", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(lead.GetByRole(AriaRole.Region, new() { Name = "採点の進み具合" })).ToContainTextAsync(second.Email);

        // Each evaluator scores every proposal on every axis, blind: the second is harsher on A's security. Neither
        // sees a vendor's name, nor the withdrawn proposal.
        await ScoreAsync(first, rfpId, security: 4, vendorNames);
        await ScoreAsync(second, rfpId, security: 2, vendorNames);

        // The consensus view highlights the disagreement; procurement records a consensus with its reason.
        await lead.ReloadAsync();
        await lead.GetByRole(AriaRole.Tab, new() { Name = "合意形成" }).ClickAsync();
        var proposalA = lead.GetByRole(AriaRole.Region, new() { Name = cheapName });
        var disagreement = proposalA.GetByRole(AriaRole.Row).Filter(new() { HasText = "セキュリティ" });
        await Expect(disagreement).ToContainTextAsync("意見が分かれています");
        await disagreement.GetByRole(AriaRole.Button, new() { Name = "合意点を記録" }).ClickAsync();
        var dialog = lead.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "合意点（1〜5）" }).ClickAsync();
        await lead.GetByRole(AriaRole.Option, new() { Name = "3", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "理由" }).FillAsync("ログの保管期間は短いが、是正計画が具体的なため 3 とする");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        await Expect(disagreement).ToContainTextAsync("是正計画が具体的なため 3 とする");

        // The comparison: ranks, the best per row, the radar and the cost chart; Excel downloads.
        await lead.GetByRole(AriaRole.Tab, new() { Name = "比較" }).ClickAsync();
        var table = lead.GetByTestId("proposal-comparison");
        await Expect(table).ToContainTextAsync("1 位");
        await Expect(table).ToContainTextAsync("総保有コスト");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = cheapName })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = dearName })).ToBeVisibleAsync();
        await Expect(table).Not.ToContainTextAsync(leavingName); // withdrawn: not compared
        await Expect(lead.GetByRole(AriaRole.Region, new() { Name = "評価軸ごとの点数" }).Locator(".recharts-radar")).ToHaveCountAsync(2);
        await Expect(lead.GetByRole(AriaRole.Region, new() { Name = "総保有コストの比較" })).ToBeVisibleAsync();
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByRole(AriaRole.Button, new() { Name = "Excel で書き出す" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        Assert.True(new FileInfo(saved).Length > 1000);
        File.Delete(saved);

        // Procurement proposes the award with its reason; it waits for a second person.
        await lead.GetByRole(AriaRole.Tab, new() { Name = "決定" }).ClickAsync();
        await lead.GetByRole(AriaRole.Combobox, new() { Name = "採択する提案" }).ClickAsync();
        await lead.GetByRole(AriaRole.Option, new() { Name = cheapName }).ClickAsync();
        await lead.GetByRole(AriaRole.Textbox, new() { Name = "採択の理由" }).FillAsync("総合評価 1 位、総保有コストが最も低い");
        await lead.GetByRole(AriaRole.Button, new() { Name = "起案する" }).ClickAsync();
        await Expect(lead.GetByText("承認待ちです。", new() { Exact = false })).ToBeVisibleAsync();

        // The admin approves: the RFP is awarded and the contract is there.
        var second2 = await browser.NewPageAsync();
        await second2.GotoAsync($"/client/rfps/{rfpId}/evaluation");
        await BrowserFixture.SignInAsync(second2, approver.Email);
        await second2.GetByRole(AriaRole.Tab, new() { Name = "決定" }).ClickAsync();
        await Expect(second2.GetByRole(AriaRole.Main)).ToContainTextAsync(cheapName); // the approver sees whom they award
        await second2.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Expect(second2.GetByText("承認済み", new() { Exact = true })).ToBeVisibleAsync();

        // The losing vendor reads its courteous notice (delivered by the Workers).
        var loserPage = await browser.NewPageAsync();
        await loserPage.GotoAsync("/vendor/rfps");
        await BrowserFixture.SignInAsync(loserPage, loserOwner.Email);
        var notice = loserPage.GetByText("お見送りのご連絡です", new() { Exact = false });
        // The Workers deliver it: wait for it to be stored, then open the bell once.
        await Eventually.True(async () => (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(
            dear, "/api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("type").GetString() == "rfp.not-selected"), "the losing vendor's notice");
        await loserPage.ReloadAsync();
        await loserPage.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^お知らせ") }).ClickAsync();
        await Expect(notice).ToBeVisibleAsync();
        // The notice, like everything the loser reads, names no rival.
        foreach (var rival in new[] { cheapName, leavingName })
            await Expect(loserPage.Locator("body")).Not.ToContainTextAsync(rival);

        // The client records the first KPI review on the contract: 98.7 % misses the committed 99.5 %.
        await second2.GetByRole(AriaRole.Link, new() { Name = "契約を開く" }).ClickAsync();
        await Expect(second2.GetByRole(AriaRole.Heading, new() { Name = "月次レビューを記録する" })).ToBeVisibleAsync();
        await second2.GetByRole(AriaRole.Textbox, new() { Name = "期限遵守率 の実績（%）" }).FillAsync("98.7");
        await second2.GetByRole(AriaRole.Textbox, new() { Name = "課題" }).FillAsync("月末の処理集中");
        await second2.GetByRole(AriaRole.Textbox, new() { Name = "改善アクション" }).FillAsync("前日チェックを追加");
        await second2.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM");
        await Expect(second2.GetByTestId($"review-{month}")).ToContainTextAsync("未達");
        await Expect(second2.GetByRole(AriaRole.Region, new() { Name = "期限遵守率 の推移" })).ToBeVisibleAsync();

        // The winner reads the same review from its side.
        var winnerPage = await browser.NewPageAsync();
        await winnerPage.GotoAsync("/contracts");
        await BrowserFixture.SignInAsync(winnerPage, winnerOwner.Email);
        await winnerPage.GetByRole(AriaRole.Link, new() { Name = "請求書発行の委託" }).ClickAsync();
        await Expect(winnerPage.GetByTestId($"review-{month}")).ToContainTextAsync("前日チェックを追加");
        await Expect(winnerPage.GetByRole(AriaRole.Heading, new() { Name = "月次レビューを記録する" })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The evaluator signs in, sees two proposals by letter and no vendor's name, scores 4 everywhere (security of
    /// proposal A: <paramref name="security"/>) with a comment, and submits.
    /// </summary>
    private async Task ScoreAsync(Person evaluator, Guid rfpId, int security, string[] hiddenNames)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/client/rfps/{rfpId}/evaluation");
        await BrowserFixture.SignInAsync(page, evaluator.Email);
        await Expect(page.GetByText("ブラインド評価", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "提案 C", Exact = true })).ToHaveCountAsync(0);
        foreach (var name in hiddenNames) await Expect(page.Locator("body")).Not.ToContainTextAsync(name);
        foreach (var label in new[] { "提案 A", "提案 B" })
        {
            var proposal = page.GetByRole(AriaRole.Region, new() { Name = label, Exact = true });
            foreach (var axis in JudgedAxes)
            {
                var score = label == "提案 A" && axis == "セキュリティ" ? security : 4;
                var group = proposal.GetByRole(AriaRole.Radiogroup, new() { Name = $"{label} の「{axis}」の点数" });
                await group.GetByText(score.ToString(), new() { Exact = true }).ClickAsync();
                await Expect(group.GetByRole(AriaRole.Radio, new() { Name = score.ToString(), Exact = true })).ToBeCheckedAsync();
            }
        }
        var comment = page.GetByRole(AriaRole.Textbox, new() { Name = "提案 A の「セキュリティ」のコメント" });
        await comment.FillAsync(security < 4 ? "ログの保管期間が 90 日と短い" : "ISMS の運用が具体的");
        await comment.BlurAsync();
        await Expect(page.GetByText("14 / 14 件採点済み").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "採点を提出する" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "採点を提出する" }).ClickAsync();
        await Expect(page.GetByText("採点は提出済みです。", new() { Exact = false })).ToBeVisibleAsync();
        await page.CloseAsync();
    }
}
