using System.Net;
using Marketplace.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Api.Tests;

/// <summary>
/// The browser's protections are on every kind of answer: the SPA's files and its fallback, the API's JSON and its
/// errors, the OIDC endpoints and the API reference. (That the pages work under this policy is tested in the browser,
/// tests/E2E.)
/// </summary>
public sealed class SecurityHeaders(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> Answers => new()
    {
        "/",                                   // the SPA's page
        "/account/sign-in",                    // the SPA's fallback: the page most worth framing
        "/favicon.svg",                        // a static file
        "/api/v1/catalogue",                   // public JSON
        "/api/v1/members",                     // 401 without a token
        "/api/v1/nothing-here",                // the Api's 404
        "/.well-known/openid-configuration",   // OIDC discovery
        "/connect/authorize",                  // an OIDC error page
        "/health/live",
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_forbids_framing_sniffing_and_foreign_scripts(string path)
    {
        var response = await fixture.Api.CreateClient().GetAsync(path);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task An_unexpected_error_keeps_the_headers()
    {
        // A malformed body reaches the exception handler, which clears the response before it writes the problem.
        var response = await fixture.Api.CreateClient().PostAsync("/api/v1/account/sign-in",
            new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_api_reference_allows_exactly_its_own_inline_script_by_hash()
    {
        var response = await fixture.Api.CreateClient().GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"module\">(?<body>.*?)</script>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups["body"].Value;
        Assert.NotEmpty(script);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", policy);
        Assert.DoesNotContain("unsafe-inline';", policy.Split("; ").Single(d => d.StartsWith("script-src")));
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://marketplace.example.jp") });
        var secure = await https.GetAsync("/api/v1/catalogue");
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));

        var plain = await fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://marketplace.example.jp") })
            .GetAsync("/api/v1/catalogue");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
