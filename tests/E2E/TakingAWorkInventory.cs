using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

[Collection(BrowserCollection.Name)]
public sealed class TakingAWorkInventory(BrowserFixture browser)
{
    [Fact]
    public async Task A_client_lists_a_task_runs_the_core_non_core_check_and_sees_the_verdict_with_reasons()
    {
        var (id, email) = await People.CreateAccountAsync(browser.Api);
        var tokens = await People.SignInAsync(browser.Api, email, People.Password);
        var person = new Person(browser.Api, id, email, People.Password, tokens);
        var organisation = await person.CreateOrganisationAsync("client", Database.UniqueName("棚卸し商事株式会社"));
        // The Workers welcome a new organisation with a notification; wait for it so that the bell has it on first load.
        await Eventually.True(async () => (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(
            person.Client(organisation), "/api/v1/notifications")).GetProperty("unread").GetInt32() > 0, "the welcome notification");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.SignInAsync(page, email);

        // The header's bell shows the unread count; opening it lists the notification; "mark all read" clears the count.
        await page.GetByRole(AriaRole.Button, new() { Name = "お知らせ（未読 1 件）" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Marketplace へようこそ。");
        await page.GetByRole(AriaRole.Button, new() { Name = "すべて既読にする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "お知らせ", Exact = true })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "業務棚卸し" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "まだ業務がありません" })).ToBeVisibleAsync();

        // A missing name and hours are explained beside their fields, in Japanese, and nothing is added.
        await page.GetByRole(AriaRole.Button, new() { Name = "業務を追加" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog, new() { Name = "業務を追加" });
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(form.GetByText("業務名を入力してください。")).ToBeVisibleAsync();
        await Expect(form.GetByText("月間工数（時間）を入力してください。")).ToBeVisibleAsync();

        await form.GetByLabel("業務名").FillAsync("月次給与計算");
        await form.GetByLabel("部署").FillAsync("人事部");
        await form.GetByLabel("月間工数（時間）").FillAsync("60");
        await form.GetByLabel("月間件数").FillAsync("350");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "月次給与計算" });
        await Expect(row).ToContainTextAsync("未判定");

        await row.GetByRole(AriaRole.Button, new() { Name = "月次給与計算 を判定する" }).ClickAsync();
        var check = page.GetByRole(AriaRole.Dialog, new() { Name = "コア/ノンコア判定：月次給与計算" });
        await check.GetByRole(AriaRole.Checkbox, new() { Name = "業務内容を標準化・マニュアル化できるか" }).CheckAsync();
        await check.GetByRole(AriaRole.Checkbox, new() { Name = "繁忙期・閑散期の差が大きい業務か" }).CheckAsync();
        await check.GetByRole(AriaRole.Checkbox, new() { Name = "機密情報や個人情報を多く扱うか" }).CheckAsync();
        await check.GetByRole(AriaRole.Button, new() { Name = "判定する" }).ClickAsync();
        var verdict = check.GetByRole(AriaRole.Status);
        await Expect(verdict).ToContainTextAsync("外部委託の候補");
        await Expect(verdict).ToContainTextAsync("業務名がカタログの「給与計算」（BPO）に当たります。");
        await Expect(verdict).ToContainTextAsync("プライバシーマーク");
        await check.GetByRole(AriaRole.Button, new() { Name = "閉じる", Exact = true }).ClickAsync();

        await Expect(row).ToContainTextAsync("外部委託の候補");
        await Expect(row).ToContainTextAsync("BPO");
        await Expect(page.GetByRole(AriaRole.Term).Filter(new() { HasText = "候補の月間工数" })).ToBeVisibleAsync();
        await Expect(page.Locator("dd").Nth(4)).ToHaveTextAsync("60 時間");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "業務ごとの月間工数" })).ToBeVisibleAsync();

        // Import from CSV: the bad row is reported by row and column, and only the good rows are added, on request.
        await page.GetByRole(AriaRole.Button, new() { Name = "Excel・CSV から取り込む" }).ClickAsync();
        var import = page.GetByRole(AriaRole.Dialog, new() { Name = "業務を Excel・CSV から取り込む" });
        var chooser = await page.RunAndWaitForFileChooserAsync(() => import.GetByRole(AriaRole.Button, new() { Name = "ファイルを選ぶ" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "棚卸し.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("業務名,頻度,月間工数（時間）\n請求書の発行,毎月,40\n経費精算,毎月,たくさん\n受付対応,毎日,80\n"),
        });
        await Expect(import.GetByRole(AriaRole.Status)).ToContainTextAsync("3 行のうち 2 行を取り込めます。問題：1 件。");
        var problem = import.GetByRole(AriaRole.Row).Filter(new() { HasText = "月間工数（時間）" });
        await Expect(problem).ToContainTextAsync("3");
        await Expect(problem).ToContainTextAsync("「たくさん」は数値ではありません。");
        await import.GetByRole(AriaRole.Button, new() { Name = "問題のない 2 件だけを取り込む" }).ClickAsync();
        await Expect(import).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "請求書の発行" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "受付対応" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "経費精算" })).ToHaveCountAsync(0);
    }
}
