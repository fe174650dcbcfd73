using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class RateLimits
{
    [Fact]
    public async Task Registration_beyond_the_limit_answers_429_with_retry_after_in_the_users_language()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:registration:PermitLimit"] = "3" });
        var client = api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/organisations", new { name = Database.UniqueName("制限テスト"), kind = "client", contactEmail = "limit@example.jp" });
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }

        var name = Database.UniqueName("制限超過");
        var refused = await client.PostAsJsonAsync("/api/v1/organisations", new { name, kind = "client", contactEmail = "limit@example.jp" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("リクエストが多すぎます", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        await using var db = Database.Open();
        Assert.False(db.Organisations.Any(o => o.Name == name));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.PostAsJsonAsync("/api/v1/organisations", new { name, kind = "client", contactEmail = "limit@example.jp" });
        Assert.Equal("Too many requests", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reading_is_not_limited_by_the_registration_limit()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:registration:PermitLimit"] = "1" });
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}")).StatusCode);
    }
}
