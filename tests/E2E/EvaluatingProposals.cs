using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// After the deadline: procurement sets a blind panel of two evaluators, each scores on their own in the browser and
/// submits, procurement settles the one disagreement, compares the proposals with the charts and exports Excel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluatingProposals(BrowserFixture browser)
{
    private static readonly string[] JudgedAxes = ["実績", "体制", "セキュリティ", "SLA・品質管理", "改善提案力", "BCP", "契約条件"];

    [Fact]
    public async Task Two_evaluators_score_blind_procurement_settles_the_disagreement_compares_and_exports()
    {
        var (owner, organisation, _, rfpId) = await ProposalScenarios.PublishByAsync(browser.Api, untilDeadline: TimeSpan.FromSeconds(20));
        var cheapName = Database.UniqueName("低価格サービス");
        await ProposalScenarios.SubmittedProposalAsync(browser.Api, rfpId, "標準的な体制で安価に運用します。", vendorName: cheapName);
        await ProposalScenarios.SubmittedProposalAsync(browser.Api, rfpId, "手厚い体制で運用します。",
            c => c["fees"] = new { initialYen = 2_000_000, monthlyYen = 600_000 }, Database.UniqueName("手厚いサービス"));
        var first = await People.SignedInAsync(browser.Api);
        var second = await People.SignedInAsync(browser.Api);
        await owner.AddMemberAsync(organisation, first, "evaluator");
        await owner.AddMemberAsync(organisation, second, "evaluator");
        var opensAt = (await ProposalScenarios.JsonAsync(await owner.Client(organisation).GetAsync($"/api/v1/rfps/{rfpId}/proposals/summary")))
            .GetProperty("opensAt").GetDateTimeOffset();
        await Task.Delay(opensAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        // Procurement opens the evaluation from the RFP and sets a blind panel.
        var lead = await browser.NewPageAsync();
        await lead.GotoAsync($"/client/rfps/{rfpId}");
        await BrowserFixture.SignInAsync(lead, owner.Email);
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

        // Each evaluator scores every proposal on every axis, blind: the second is harsher on A's security.
        await ScoreAsync(first, rfpId, security: 4);
        await ScoreAsync(second, rfpId, security: 2);

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
        await Expect(lead.GetByRole(AriaRole.Region, new() { Name = "評価軸ごとの点数" }).Locator(".recharts-radar")).ToHaveCountAsync(2);
        await Expect(lead.GetByRole(AriaRole.Region, new() { Name = "総保有コストの比較" })).ToBeVisibleAsync();
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByRole(AriaRole.Button, new() { Name = "Excel で書き出す" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        Assert.True(new FileInfo(saved).Length > 1000);
        File.Delete(saved);
    }

    /// <summary>The evaluator signs in, scores 4 everywhere (security of proposal A: <paramref name="security"/>) with a comment, and submits.</summary>
    private async Task ScoreAsync(Person evaluator, Guid rfpId, int security)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/client/rfps/{rfpId}/evaluation");
        await BrowserFixture.SignInAsync(page, evaluator.Email);
        await Expect(page.GetByText("ブラインド評価", new() { Exact = true })).ToBeVisibleAsync();
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
