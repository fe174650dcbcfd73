using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class RateLimits
{
    [Fact]
    public async Task Account_requests_beyond_the_limit_answer_429_with_retry_after_in_the_users_language()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:registration:PermitLimit"] = "3" });
        var (_, email) = await People.CreateAccountAsync(api);
        var client = api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = "a wrong password" });
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = People.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("リクエストが多すぎます", problem.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out _)); // not signed in, although the password was right

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email });
        Assert.Equal("Too many requests", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Changing_the_password_is_limited_like_signing_in()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:registration:PermitLimit"] = "40" });
        var person = await People.SignedInAsync(api); // the sign-in itself takes a few of the 40
        var client = person.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/account/change-password",
                new { currentPassword = "a wrong guess", newPassword = "a brand new passphrase" })).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses.SkipWhile(s => s != HttpStatusCode.TooManyRequests), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Reading_is_not_limited_by_the_account_limit()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:registration:PermitLimit"] = "1" });
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}")).StatusCode);
    }
}
