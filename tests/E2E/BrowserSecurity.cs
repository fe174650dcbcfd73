using Microsoft.Playwright;

namespace Marketplace.E2E;

/// <summary>
/// The Content-Security-Policy and frame protection as a browser enforces them: what an attacker would try (framing the
/// sign-in page, running an injected script) is refused, and the pages that must work under the policy do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserSecurity(BrowserFixture browser)
{
    private static List<string> PolicyRefusals(IPage page)
    {
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refusals.Add(message.Text);
        };
        return refusals;
    }

    [Fact]
    public async Task Another_site_cannot_frame_the_sign_in_page()
    {
        var page = await browser.NewPageAsync();
        var refusals = PolicyRefusals(page);
        // A page of another origin (here an opaque one) that frames the sign-in form, as a clickjacking page would.
        await page.SetContentAsync($"<iframe title=\"framed\" src=\"{new Uri(browser.BaseAddress, "/account/sign-in")}\"></iframe>");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!refusals.Any(r => r.Contains("frame-ancestors")) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains(refusals, r => r.Contains("frame-ancestors 'none'"));
        Assert.Equal(0, await page.FrameLocator("iframe").GetByLabel("メールアドレス").CountAsync());
    }

    [Fact]
    public async Task A_script_injected_into_the_page_does_not_run()
    {
        var page = await browser.NewPageAsync();
        var refusals = PolicyRefusals(page);
        await page.GotoAsync("/vendors");
        await Assertions.Expect(page.Locator("main h2").First).ToBeVisibleAsync();
        // What an injection would add: an inline script, and a script from another site.
        await page.EvaluateAsync("""
            () => {
              const inline = document.createElement('script');
              inline.textContent = 'window.injected = true';
              document.body.append(inline);
              const foreign = document.createElement('script');
              foreign.src = 'https://attacker.example/steal.js';
              document.body.append(foreign);
            }
            """);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (refusals.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(refusals, r => r.Contains("inline script"));
        Assert.Contains(refusals, r => r.Contains("attacker.example"));
    }

    [Fact]
    public async Task The_api_reference_works_under_the_policy()
    {
        var page = await browser.NewPageAsync();
        var refusals = PolicyRefusals(page);
        await page.GotoAsync("/api/docs/");
        // Scalar draws the document: its title and an operation from it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Marketplace API" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create an account; a confirmation link is sent by e-mail", Exact = false })).ToBeVisibleAsync();
        Assert.Empty(refusals);
    }
}
