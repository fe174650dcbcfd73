using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.E2E;

/// <summary>
/// The whole way into a team, through the SPA and real mail: sign up, confirm, sign in, create an organisation,
/// invite a colleague, the colleague accepts, and switches between their organisations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamJourney(BrowserFixture browser)
{
    private static string PathOf(string text, string path)
    {
        var link = Regex.Match(text, $@"https?://[^/\s]+(?<path>{Regex.Escape(path)}\?\S+)");
        Assert.True(link.Success, text);
        return link.Groups["path"].Value;
    }

    [Fact]
    public async Task Sign_up_confirm_sign_in_create_an_organisation_invite_a_colleague_who_accepts_and_switches()
    {
        // The owner signs up in the browser and confirms from the real mail.
        var owner = await browser.NewPageAsync();
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.jp";
        const string ownerPassword = "はるのうららの隅田川";
        await owner.GotoAsync("/account/sign-up");
        await owner.GetByLabel("メールアドレス").FillAsync(ownerEmail);
        await owner.GetByLabel(new Regex("^パスワード")).FillAsync(ownerPassword);
        await owner.GetByRole(AriaRole.Button, new() { Name = "アカウントを作成" }).ClickAsync();
        await owner.GotoAsync(PathOf((await MailCatcher.WaitForAsync(ownerEmail)).Text, "/account/confirm"));
        await Expect(owner.GetByText("メールアドレスを確認しました。アカウントが有効になりました。")).ToBeVisibleAsync();

        // Sign in (the authorization code flow with PKCE, through the sign-in page) and land on "create an organisation".
        await owner.GetByRole(AriaRole.Button, new() { Name = "サインインして組織を作成する" }).ClickAsync();
        await BrowserFixture.SignInOnThePageAsync(owner, ownerEmail, ownerPassword);
        await Expect(owner).ToHaveURLAsync(new Regex("/organisations/new$"));
        var clientName = Database.UniqueName("株式会社ジャーニー商事");
        await owner.GetByLabel("組織名").FillAsync(clientName);
        await owner.GetByLabel("連絡先メールアドレス").FillAsync(ownerEmail);
        await owner.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = clientName })).ToBeVisibleAsync();

        // The colleague already has an account and an organisation of their own (a vendor).
        var (colleagueId, colleagueEmail) = await People.CreateAccountAsync(browser.Api);
        var colleagueTokens = await People.SignInAsync(browser.Api, colleagueEmail, People.Password);
        var colleagueVendor = Database.UniqueName("協力ベンダー株式会社");
        await new Person(browser.Api, colleagueId, colleagueEmail, People.Password, colleagueTokens).CreateOrganisationAsync("vendor", colleagueVendor);

        // The owner invites the colleague as procurement.
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "メンバー" }).ClickAsync();
        await owner.GetByLabel("招待先のメールアドレス").FillAsync(colleagueEmail);
        await owner.GetByRole(AriaRole.Combobox, new() { Name = "役割", Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Option, new() { Name = "評価者" }).ClickAsync();
        await owner.GetByRole(AriaRole.Combobox, new() { Name = "役割", Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Option, new() { Name = "調達担当" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "招待メールを送る" }).ClickAsync();
        await Expect(owner.GetByText($"{colleagueEmail} に招待メールを送信しました。")).ToBeVisibleAsync();
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = colleagueEmail })).ToContainTextAsync("承諾待ち");

        // The colleague opens the link from the mail, signs in, accepts.
        var invitation = await MailCatcher.WaitForAsync(colleagueEmail, $"{clientName} への招待");
        var colleague = await browser.NewPageAsync();
        await colleague.GotoAsync(PathOf(invitation.Text, "/invitations/accept"));
        await Expect(colleague.GetByText(clientName)).ToBeVisibleAsync();
        await Expect(colleague.GetByText("「調達担当」として招待されています")).ToBeVisibleAsync();
        await colleague.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await BrowserFixture.SignInOnThePageAsync(colleague, colleagueEmail);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "招待を受けて参加する" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = clientName })).ToBeVisibleAsync();

        // Now in two organisations: the switcher moves between them.
        var switcher = colleague.GetByRole(AriaRole.Combobox, new() { Name = "作業する組織" });
        await Expect(switcher).ToHaveValueAsync($"{clientName}（発注企業）");
        await switcher.ClickAsync();
        await colleague.GetByRole(AriaRole.Option, new() { Name = $"{colleagueVendor}（ベンダー）" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = colleagueVendor })).ToBeVisibleAsync();

        // And the owner sees the colleague among the members.
        await owner.ReloadAsync();
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = colleagueEmail }).First).ToBeVisibleAsync();

        // Signing out ends the session: the header offers signing in again, and the team page asks for it.
        await owner.GetByRole(AriaRole.Button, new() { Name = "アカウントメニュー" }).ClickAsync();
        await owner.GetByRole(AriaRole.Menuitem, new() { Name = "サインアウト" }).ClickAsync();
        // The round trip through the server's end-session endpoint lands on the home page; only then go on (a
        // navigation started earlier would be replaced by that redirect).
        await owner.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"^https?://[^/]+/$"));
        await Expect(owner.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "サインイン" })).ToBeVisibleAsync();
        await owner.GotoAsync("/settings/members");
        await Expect(owner.GetByText("サインインが必要です")).ToBeVisibleAsync();
    }
}
