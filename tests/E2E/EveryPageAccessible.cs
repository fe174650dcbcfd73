using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Marketplace.Demo;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Marketplace.E2E;

/// <summary>
/// axe-core over every page of the SPA's router, in Japanese and in English, as the person who would open it: a
/// visitor, the demo client's owner, the demo vendor's owner, a platform operator. No page may have a critical or a
/// serious violation, nor anything the Content-Security-Policy refuses (the page works under the policy). The list of pages is read from router.tsx, so a page added there fails here until it is listed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EveryPageAccessible(BrowserFixture browser, ITestOutputHelper output)
{
    private enum Who { Visitor, Client, Vendor, Operator }

    private sealed record Scene(Guid Client, Guid Vendor, Guid DraftRfp, Guid EvaluatingRfp, Guid VendorRfp, Guid Contract, string VendorSlug);

    /// <summary>Every route of the router: who opens it, and the address of one real page of it.</summary>
    private static readonly Dictionary<string, (Who Who, Func<Scene, string> Address)> Pages = new()
    {
        ["/"] = (Who.Visitor, _ => "/"),
        ["*"] = (Who.Visitor, _ => "/no/such/page"),
        ["vendors"] = (Who.Visitor, _ => "/vendors"),
        ["vendors/compare"] = (Who.Visitor, s => $"/vendors/compare"),
        ["vendors/:slug"] = (Who.Visitor, s => $"/vendors/{s.VendorSlug}"),
        ["catalogue"] = (Who.Visitor, _ => "/catalogue"),
        ["account/sign-up"] = (Who.Visitor, _ => "/account/sign-up"),
        ["account/confirm"] = (Who.Visitor, _ => "/account/confirm?userId=00000000-0000-0000-0000-000000000000&code=broken"),
        ["account/sign-in"] = (Who.Visitor, _ => "/account/sign-in"),
        ["account/forgot-password"] = (Who.Visitor, _ => "/account/forgot-password"),
        ["account/reset-password"] = (Who.Visitor, _ => "/account/reset-password?email=a%40example.jp&token=broken"),
        ["auth/callback"] = (Who.Visitor, _ => "/auth/callback"),
        ["invitations/accept"] = (Who.Visitor, _ => "/invitations/accept?token=broken"),
        ["client"] = (Who.Client, _ => "/client"),
        ["client/work-inventory"] = (Who.Client, _ => "/client/work-inventory"),
        ["client/rfps"] = (Who.Client, _ => "/client/rfps"),
        ["client/rfps/:id"] = (Who.Client, s => $"/client/rfps/{s.DraftRfp}"),
        ["client/rfps/:id/proposals"] = (Who.Client, s => $"/client/rfps/{s.EvaluatingRfp}/proposals"),
        ["client/rfps/:id/evaluation"] = (Who.Client, s => $"/client/rfps/{s.EvaluatingRfp}/evaluation"),
        ["contracts"] = (Who.Client, _ => "/contracts"),
        ["contracts/:id"] = (Who.Client, s => $"/contracts/{s.Contract}"),
        ["organisations/new"] = (Who.Client, _ => "/organisations/new"),
        ["organisations/:id"] = (Who.Client, s => $"/organisations/{s.Client}"),
        ["account/settings"] = (Who.Client, _ => "/account/settings"),
        ["settings/members"] = (Who.Client, _ => "/settings/members"),
        ["settings/api-clients"] = (Who.Client, _ => "/settings/api-clients"),
        ["settings/audit-log"] = (Who.Client, _ => "/settings/audit-log"),
        ["vendor"] = (Who.Vendor, _ => "/vendor"),
        ["vendor/profile"] = (Who.Vendor, _ => "/vendor/profile"),
        ["vendor/rfps"] = (Who.Vendor, _ => "/vendor/rfps"),
        ["vendor/rfps/:id"] = (Who.Vendor, s => $"/vendor/rfps/{s.VendorRfp}"),
        ["vendor/rfps/:id/proposal"] = (Who.Vendor, s => $"/vendor/rfps/{s.VendorRfp}/proposal"),
        ["vendor/billing"] = (Who.Vendor, _ => "/vendor/billing"),
        ["vendor/billing/return"] = (Who.Vendor, _ => "/vendor/billing/return"),
        ["vendor/billing/cancelled"] = (Who.Vendor, _ => "/vendor/billing/cancelled"),
        ["operator/catalogue"] = (Who.Operator, _ => "/operator/catalogue"),
        ["operator/certifications"] = (Who.Operator, _ => "/operator/certifications"),
    };

    [GeneratedRegex(@"\{ (?:path: '(?<path>[^']+)'|(?<index>index: true))")]
    private static partial Regex RouteOf();

    private static IEnumerable<string> RouterPaths() =>
        RouteOf().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spa", "router.tsx")))
            .Select(m => m.Groups["index"].Success ? "/" : m.Groups["path"].Value);

    [Fact]
    public void Every_route_of_the_router_is_checked_here()
    {
        var routes = RouterPaths().ToHashSet();
        Assert.True(routes.Count > 30, $"only {routes.Count} routes were read from router.tsx");
        Assert.Equal(routes.Order(), Pages.Keys.Order());
    }

    [Fact]
    public async Task No_page_has_a_critical_or_serious_accessibility_violation_or_breaks_the_security_policy_in_japanese_or_english()
    {
        var scene = await SetUpAsync();
        var pages = new Dictionary<Who, IPage>
        {
            [Who.Visitor] = await VisitorAsync(),
            [Who.Client] = await SignedInAsync(DemoSeeder.DemoEmail, scene.Client),
            [Who.Vendor] = await SignedInAsync(DemoSeeder.DemoEmail, scene.Vendor),
            [Who.Operator] = await SignedInAsync(await OperatorAsync(), null),
        };

        var found = new List<string>();
        var checkedPages = 0;
        var where = "signing in";
        // Chromium reports every Content-Security-Policy refusal on the console ("Refused to … because it violates …").
        foreach (var page in pages.Values)
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) found.Add($"{where}: {message.Text}");
            };
        foreach (var language in new[] { "ja", "en" })
            foreach (var (route, (who, address)) in Pages)
            {
                var page = pages[who];
                where = $"{language} {route} ({who})";
                await page.EvaluateAsync("l => localStorage.setItem('marketplace.language', l)", language);
                await page.GotoAsync(address(scene));
                if (await SettledAsync(page) is { } unsettled) found.Add($"{language} {route} ({who}): {unsettled}");
                var result = await page.RunAxe();
                checkedPages++;
                foreach (var violation in result.Violations.Where(v => v.Impact is "critical" or "serious"))
                    found.Add($"{language} {route} ({who}): {violation.Impact} {violation.Id}: {violation.Help}; at "
                              + string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{(n.Html.Length > 160 ? n.Html[..160] : n.Html)} ({string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))})")));
            }
        output.WriteLine($"{checkedPages} pages checked; {found.Count} critical or serious violations or policy refusals");
        foreach (var line in found) output.WriteLine(line);
        Assert.Equal(Pages.Count * 2, checkedPages);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>
    /// Waits until the page has drawn what it loads (no request in flight, no skeleton left, no spinner but one that
    /// says what it waits for, like the wait for Stripe's confirmation) and has its title heading; says what is
    /// missing when it does not.
    /// </summary>
    private static async Task<string?> SettledAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        try
        {
            await Assertions.Expect(page.Locator("main h2").First).ToBeVisibleAsync();
            // Only what shows counts: a closed accordion panel keeps its content unrendered (React's Activity) until opened.
            const string drawn = "() => [...document.querySelectorAll('.mantine-Skeleton-root')].every(s => !s.checkVisibility())"
                                 + " && [...document.querySelectorAll('main .mantine-Loader-root')].every(l => !l.checkVisibility() || l.closest('[role=status]'))";
            await page.WaitForFunctionAsync(drawn, null, new() { Timeout = 10_000 });
            return null;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var left = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('.mantine-Skeleton-root, main .mantine-Loader-root')].filter(e => e.checkVisibility()).map(e => e.parentElement.outerHTML.slice(0, 200)).join(' | ')");
            return $"the page has no title heading (h2) or is still loading: {e.Message.Split('\n')[0]} {left}";
        }
    }

    private async Task<IPage> VisitorAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/"); // the SPA's origin, for its localStorage
        return page;
    }

    private async Task<IPage> SignedInAsync(string email, Guid? organisation)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        if (organisation is { } id) await page.EvaluateAsync("id => localStorage.setItem('marketplace.organisation', id)", id.ToString());
        await BrowserFixture.SignInAsync(page, email);
        return page;
    }

    private async Task<string> OperatorAsync()
    {
        var (_, email) = await People.CreateAccountAsync(browser.Api);
        await using var db = Database.OpenAsOwner();
        Assert.True(await Marketplace.Core.Identity.PlatformOperators.GrantAsync(db, email));
        return email;
    }

    /// <summary>The demo marketplace (idempotent): its client has RFPs in every state and a contract, its vendor a proposal.</summary>
    private static async Task<Scene> SetUpAsync()
    {
        await DemoSeeder.SeedAsync(Database.OpenAsOwner, People.Password, TimeProvider.System);
        await DemoVendors.SeedNamedAsync(Database.OpenAsOwner, null, TimeProvider.System);
        await DemoClients.SeedAsync(Database.OpenAsOwner, TimeProvider.System);
        await DemoEvaluations.SeedAsync(Database.OpenAsOwner, TimeProvider.System);

        Guid client, vendor;
        await using (var lookup = Database.Open())
        {
            var ids = await lookup.Organisations.Where(o => o.Name == DemoSeeder.Organisations[0].Name || o.Name == DemoSeeder.DemoVendor.Name)
                .ToDictionaryAsync(o => o.Kind, o => o.Id);
            (client, vendor) = (ids[OrganisationKind.Client], ids[OrganisationKind.Vendor]);
        }
        await using var clientDb = Database.Open(client);
        var rfps = await clientDb.Rfps.Select(r => new { r.Id, r.Status }).ToListAsync();
        var contract = await clientDb.Contracts.Select(c => c.Id).FirstAsync();
        await using var vendorDb = Database.Open(vendor);
        var vendorRfp = await vendorDb.Proposals.Where(p => p.Status == ProposalStatus.Submitted).Select(p => p.RfpId).FirstAsync();
        var slug = await vendorDb.VendorProfiles.Select(p => p.Slug).FirstAsync();
        return new Scene(client, vendor, rfps.First(r => r.Status == RfpStatus.Draft).Id, rfps.First(r => r.Status == RfpStatus.Evaluating).Id,
            vendorRfp, contract, slug);
    }
}
