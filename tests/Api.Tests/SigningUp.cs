using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Tests;

public sealed partial class SigningUp(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string GoodPassword = "はるのうららの隅田川";

    [GeneratedRegex(@"/account/confirm\?user=(?<user>[0-9a-f-]{36})&token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmationLink();

    private static string NewAddress() => $"signup-{Guid.NewGuid():N}@example.jp";

    [Fact]
    public async Task Sign_up_sends_a_confirmation_link_that_confirms_the_address_once()
    {
        var client = fixture.Api.CreateClient();
        var email = NewAddress();

        var response = await client.PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = GoodPassword });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var mail = await MailCatcher.WaitForAsync(email);
        Assert.Equal("【Marketplace】メールアドレスの確認", mail.Subject);
        var link = ConfirmationLink().Match(mail.Text);
        Assert.True(link.Success, mail.Text);

        await using (var before = Database.Open())
            Assert.False((await before.Users.SingleAsync(u => u.Email == email)).EmailConfirmed);

        var confirm = await client.PostAsJsonAsync("/api/v1/account/confirm", new { userId = link.Groups["user"].Value, token = link.Groups["token"].Value });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        await using (var after = Database.Open())
            Assert.True((await after.Users.SingleAsync(u => u.Email == email)).EmailConfirmed);

        // The same link again is harmless.
        var again = await client.PostAsJsonAsync("/api/v1/account/confirm", new { userId = link.Groups["user"].Value, token = link.Groups["token"].Value });
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task A_registered_address_gets_the_same_answer_and_a_notice_instead_of_a_second_account()
    {
        var client = fixture.Api.CreateClient();
        var email = NewAddress();
        var first = await client.PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = GoodPassword });
        await MailCatcher.WaitForAsync(email);

        var second = await client.PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = "まったく別のパスワードです" });

        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await Eventually.True(async () => (await MailCatcher.ForAsync(email)).Count == 2, "the notice to the existing account");
        Assert.Contains(await MailCatcher.ForAsync(email), m => m.Subject == "【Marketplace】このメールアドレスは登録済みです");
        await using var db = Database.Open();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Simultaneous_sign_ups_for_one_address_all_get_the_same_answer_and_make_one_account()
    {
        var client = fixture.Api.CreateClient();
        var email = NewAddress();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = GoodPassword })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await using var db = Database.Open();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData("short", "パスワードは 10 文字以上にしてください。")]
    [InlineData("aaaaaaaaaaaaaaa", "パスワードには 4 種類以上の文字を使ってください。")]
    public async Task A_weak_password_is_refused_beside_the_field_and_nothing_is_created(string password, string message)
    {
        var email = NewAddress();
        var response = await fixture.Api.CreateClient().PostAsJsonAsync("/api/v1/account/sign-up", new { email, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        await using var db = Database.Open();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Empty(await MailCatcher.ForAsync(email));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("unknown-user")]
    [InlineData("not-base64")]
    public async Task A_forged_or_unknown_confirmation_gets_one_and_the_same_refusal(string kind)
    {
        var client = fixture.Api.CreateClient();
        var email = NewAddress();
        await client.PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = GoodPassword });
        var link = ConfirmationLink().Match((await MailCatcher.WaitForAsync(email)).Text);
        var (userId, token) = kind switch
        {
            "forged" => (link.Groups["user"].Value, link.Groups["token"].Value[..^4] + "AAAA"),
            "unknown-user" => (Guid.NewGuid().ToString(), link.Groups["token"].Value),
            _ => (link.Groups["user"].Value, "%%%"),
        };

        var response = await client.PostAsJsonAsync("/api/v1/account/confirm", new { userId, token });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("このリンクは無効か、有効期限が切れています。", errors.GetProperty("token")[0].GetString());
        await using var db = Database.Open();
        Assert.False((await db.Users.SingleAsync(u => u.Email == email)).EmailConfirmed);
    }

    [Fact]
    public async Task When_mail_cannot_be_sent_nothing_is_saved_and_the_answer_is_503()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Smtp:Port"] = TestEnvironment.ClosedPort().ToString() });
        var email = NewAddress();
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = GoodPassword });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = Database.Open();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }
}
