using Marketplace.TestSupport;
using Microsoft.Playwright;

namespace Marketplace.E2E;

/// <summary>The Api on a real port (serving the built SPA), the Workers, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private WorkersHostFixture? workers;

    public ApiFactory Api { get; private set; } = null!;
    public StripeStandIn Stripe { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Billing is configured, against the local stand-in for Stripe (the tests cannot reach Stripe).
        Stripe = await StripeStandIn.StartAsync();
        (Api, BaseAddress) = ApiFactory.StartKestrel(Stripe.Settings);
        Stripe.Webhooks = Api.CreateClient();
        workers = await WorkersHostFixture.StartAsync(Stripe.Settings);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            // Without the background-networking switches Chromium keeps trying to reach Google on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (no remembered language) with a page on the SPA.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs <paramref name="email"/> in through the SPA: the header's button, the sign-in page, back to where it began.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = People.Password)
    {
        var header = page.GetByRole(AriaRole.Banner);
        await header.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await SignInOnThePageAsync(page, email, password);
    }

    /// <summary>Fills in the sign-in page the authorization endpoint sent the browser to, and waits to be back.</summary>
    public static async Task SignInOnThePageAsync(IPage page, string email, string password = People.Password)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "アカウントメニュー" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (workers is not null) await workers.DisposeAsync();
        if (Api is not null) await Api.DisposeAsync();
        if (Stripe is not null) await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
