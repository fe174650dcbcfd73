using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Core.Auditing;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

/// <summary>The password side of signing in: answers that reveal nobody, lockout, and the forgotten-password path.</summary>
public sealed class SigningIn(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static async Task<(HttpStatusCode Status, string Title, string Detail)> Answer(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        var (_, email) = await People.CreateAccountAsync(Api);
        using var browser = People.Browser(Api);

        var unknown = await Answer(await People.PasswordSignInAsync(browser, $"nobody-{Guid.NewGuid():N}@example.jp", "some password here"));
        var wrong = await Answer(await People.PasswordSignInAsync(browser, email, "some password here"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(unknown, wrong);
        Assert.Equal("メールアドレスまたはパスワードが正しくありません。", wrong.Title);
    }

    [Fact]
    public async Task The_tenth_wrong_password_locks_the_account_and_tells_its_owner()
    {
        var (id, email) = await People.CreateAccountAsync(Api);
        using var browser = People.Browser(Api);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await People.PasswordSignInAsync(browser, email, $"wrong password {i}")).StatusCode);

        // Now even the right password is refused, with the same answer as a wrong one.
        var locked = await People.PasswordSignInAsync(browser, email, People.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal("メールアドレスまたはパスワードが正しくありません。", (await Answer(locked)).Title);
        Assert.False(locked.Headers.TryGetValues("Set-Cookie", out _));

        var mail = await MailCatcher.WaitForAsync(email, "ロック");
        Assert.Contains("15 分間", mail.Text);
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE action = @a AND object_id = @o", owner);
        count.Parameters.AddWithValue("a", AuditActions.LockedOut);
        count.Parameters.AddWithValue("o", id.ToString());
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Guessing_the_current_password_when_changing_it_locks_the_account_as_sign_in_does()
    {
        // A stolen session must not be a way round the lockout: the change-password form counts wrong guesses too.
        var person = await People.SignedInAsync(Api);
        var client = person.Client();
        for (var i = 0; i < 10; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/account/change-password",
                new { currentPassword = $"a wrong guess {i}", newPassword = "a brand new passphrase" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var locked = await client.PostAsJsonAsync("/api/v1/account/change-password",
            new { currentPassword = person.Password, newPassword = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("ロック", problem.GetProperty("errors").GetProperty("currentPassword")[0].GetString());

        // The password did not change, and signing in is locked too; the owner was told once.
        Assert.Equal(HttpStatusCode.BadRequest, (await People.PasswordSignInAsync(People.Browser(Api), person.Email, person.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await People.PasswordSignInAsync(People.Browser(Api), person.Email, "a brand new passphrase")).StatusCode);
        await MailCatcher.WaitForAsync(person.Email, "ロック");
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE action = @a AND object_id = @o", owner);
        count.Parameters.AddWithValue("a", AuditActions.LockedOut);
        count.Parameters.AddWithValue("o", person.UserId.ToString());
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_unconfirmed_account_is_told_to_confirm_only_with_the_right_password()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.jp";
        var signUp = await Api.CreateClient().PostAsJsonAsync("/api/v1/account/sign-up", new { email, password = People.Password });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        using var browser = People.Browser(Api);

        var wrong = await Answer(await People.PasswordSignInAsync(browser, email, "not the password"));
        var right = await Answer(await People.PasswordSignInAsync(browser, email, People.Password));

        Assert.Equal("メールアドレスまたはパスワードが正しくありません。", wrong.Title);
        Assert.Equal("メールアドレスの確認が済んでいません。", right.Title);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_which_works_once()
    {
        var (_, email) = await People.CreateAccountAsync(Api);
        var client = Api.CreateClient();

        var asked = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email });
        var askedForNobody = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = $"nobody-{Guid.NewGuid():N}@example.jp" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(await asked.Content.ReadAsStringAsync(), await askedForNobody.Content.ReadAsStringAsync());

        var mail = await MailCatcher.WaitForAsync(email, "パスワードの再設定");
        var link = Regex.Match(mail.Text, @"/account/reset-password\?user=(?<user>[0-9a-f-]+)&token=(?<token>\S+)");
        Assert.True(link.Success, mail.Text);
        var userId = link.Groups["user"].Value;
        var token = link.Groups["token"].Value;

        var weak = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { userId, token, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));

        var forged = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { userId, token = token[..^4] + "AAAA", newPassword = "a completely new passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var reset = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { userId, token, newPassword = "a completely new passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var again = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { userId, token, newPassword = "yet another passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        using var browser = People.Browser(Api);
        Assert.Equal(HttpStatusCode.BadRequest, (await People.PasswordSignInAsync(browser, email, People.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await People.PasswordSignInAsync(browser, email, "a completely new passphrase")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_is_recorded_in_the_audit_trail()
    {
        var person = await People.SignedInAsync(Api);
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE action = @a AND actor = @u", owner);
        count.Parameters.AddWithValue("a", AuditActions.SignedIn);
        count.Parameters.AddWithValue("u", person.UserId.ToString());
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
