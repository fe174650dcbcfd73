using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// On a 390 px phone the header keeps only the burger, the name and the bell; the burger's menu holds the organisation
/// switcher, the account (settings, sign-out) and the language, each fully on screen, and the main pages do not
/// scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UsingANarrowScreen(BrowserFixture browser)
{
    private const int Width = 390;

    [Fact]
    public async Task At_390_px_the_burger_holds_the_switcher_the_account_and_the_language_and_the_main_pages_fit()
    {
        var owner = await People.SignedInAsync(browser.Api);
        await owner.CreateOrganisationAsync("client", Database.UniqueName("とても長い名前の発注企業ホールディングス株式会社"));
        await owner.CreateOrganisationAsync("vendor", Database.UniqueName("狭い画面のベンダー株式会社"));

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/client/rfps");
        await BrowserFixture.SignInAsync(page, owner.Email);
        // Then a phone's screen, the page drawn on it afresh as a person on one sees it (a page drawn wide and then
        // narrowed was once measured mid-relayout).
        await page.SetViewportSizeAsync(Width, 844);
        await page.ReloadAsync();

        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "メインメニュー" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Combobox, new() { Name = "作業する組織" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToBeVisibleAsync();
        await AssertFitsAsync(page);

        await header.GetByRole(AriaRole.Button, new() { Name = "メインメニュー" }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" });
        await Expect(menu.GetByText(owner.Email)).ToBeVisibleAsync();
        foreach (var control in new[]
                 {
                     menu.GetByRole(AriaRole.Combobox, new() { Name = "作業する組織" }),
                     menu.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }),
                     menu.GetByRole(AriaRole.Link, new() { Name = "アカウント設定" }),
                     menu.GetByRole(AriaRole.Group, new() { Name = "表示言語" }),
                 })
        {
            await Expect(control).ToBeVisibleAsync();
            // The drawer slides in: measure once it has stopped moving.
            await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
            await (await control.ElementHandleAsync()).WaitForElementStateAsync(ElementState.Stable); // the same box on two frames in a row
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"{control} runs off the screen: {box.X} + {box.Width}");
        }

        // The language switch in the menu works; the search page fits too, in English.
        await menu.GetByText("English").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToBeAttachedAsync();
        await page.GotoAsync("/vendors");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
    }

    /// <summary>Japanese text asks for each platform's Japanese font by name, before the generic sans-serif (no tofu).</summary>
    [Fact]
    public async Task Japanese_text_names_the_japanese_fonts_of_macos_windows_linux_and_android_before_the_generic_family()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        foreach (var selector in new[] { "body", "h1" })
        {
            var stack = await page.EvalOnSelectorAsync<string>(selector, "e => getComputedStyle(e).fontFamily");
            var generic = stack.IndexOf("sans-serif", StringComparison.Ordinal);
            Assert.True(generic > 0, $"{selector}: {stack}");
            foreach (var font in new[] { "Hiragino", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP" })
            {
                var at = stack.IndexOf(font, StringComparison.Ordinal);
                Assert.True(at >= 0 && at < generic, $"{selector} does not name {font} before sans-serif: {stack}");
            }
        }
    }

    /// <summary>Nothing wider than the screen: the page does not scroll sideways.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        // Measured once the browser has laid out what is on the page (two animation frames after it was drawn).
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Width, $"{page.Url} is {width} px wide at {Width} px");
    }
}
