using System.Net;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class OpenApiDocument
{
    [Fact]
    public async Task Is_served_as_openapi_3_with_the_api_paths()
    {
        await using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("Marketplace API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organisations", out var register));
        Assert.True(register.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/organisations/{organisationId}", out _));
        // The catch-all 404 for unknown API routes is not part of the contract.
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.Contains("{path}"));

        // How to get a token, and which operations need one and an organisation.
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        var listMembers = paths.GetProperty("/api/v1/members").GetProperty("get");
        Assert.True(listMembers.TryGetProperty("security", out _));
        Assert.Contains(listMembers.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Organisation-Id");
        Assert.False(paths.GetProperty("/api/v1/account/sign-up").GetProperty("post").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_interactive_reference_is_served_at_api_docs()
    {
        await using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Marketplace API", html);
        Assert.Contains("openapi/v1.json", html);
        Assert.Contains("scalar.js", html); // served from the package, not a CDN
    }
}
