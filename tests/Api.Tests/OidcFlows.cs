using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Marketplace.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Api.Tests;

/// <summary>The OIDC server driven by a real OIDC client library (Duende.IdentityModel), as any integration would.</summary>
public sealed class OidcFlows(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task Discovery_lists_the_endpoints_and_only_the_flows_we_allow()
    {
        using var http = Api.CreateClient();
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = http.BaseAddress!.ToString(),
            Policy = { RequireHttps = false },
        });

        Assert.False(discovery.IsError, discovery.Error);
        Assert.EndsWith("/connect/authorize", discovery.AuthorizeEndpoint);
        Assert.EndsWith("/connect/token", discovery.TokenEndpoint);
        Assert.EndsWith("/connect/revoke", discovery.RevocationEndpoint);
        Assert.EndsWith("/connect/endsession", discovery.EndSessionEndpoint);
        Assert.Equal(["S256"], discovery.CodeChallengeMethodsSupported);
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"], discovery.GrantTypesSupported.Order());
        Assert.DoesNotContain("token", discovery.ResponseTypesSupported); // no implicit flow
        Assert.Contains("marketplace", discovery.ScopesSupported);
        Assert.NotEmpty(discovery.KeySet!.Keys);
    }

    [Fact]
    public async Task Authorization_code_with_pkce_gives_tokens_that_open_the_api()
    {
        var person = await People.SignedInAsync(Api);

        Assert.NotNull(person.Tokens.IdentityToken);
        Assert.NotNull(person.Tokens.RefreshToken);
        var me = await person.Client().GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(person.Email, me.GetProperty("email").GetString());
        Assert.Equal(0, me.GetProperty("organisations").GetArrayLength());

        using var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", person.AccessToken + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Authorize_without_signing_in_sends_the_browser_to_the_sign_in_page_and_back()
    {
        using var browser = People.Browser(Api);
        var (_, challenge) = People.NewPkce();
        var url = People.AuthorizeUrl(Api, challenge, extra: new Dictionary<string, string> { ["prompt"] = "login" });

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/account/sign-in", location.AbsolutePath);
        var back = QueryHelpers.ParseQuery(location.Query)["returnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", back);
        Assert.DoesNotContain("prompt=", back); // or the person would be asked to sign in forever
    }

    [Theory]
    [InlineData(null, "no code_challenge")]
    [InlineData("plain", "the plain method")]
    public async Task Authorize_without_pkce_or_with_plain_is_refused(string? method, string because)
    {
        var person = await People.SignedInAsync(Api);
        using var browser = People.Browser(Api);
        await People.PasswordSignInAsync(browser, person.Email, person.Password);
        var (verifier, challenge) = People.NewPkce();
        var url = method is null ? People.AuthorizeUrl(Api, null) : People.AuthorizeUrl(Api, verifier, method);

        var response = await browser.GetAsync(url);

        // A request that breaks the client's PKCE requirement is not sent back to the client: the server answers 400
        // itself, naming the OAuth error, and issues no code.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body);
        Assert.True(body.Contains("code_challenge"), $"refused for another reason than {because}: {body}");
        _ = challenge;
    }

    [Fact]
    public async Task An_authorization_code_works_once()
    {
        var person = await People.SignedInAsync(Api);
        using var browser = People.Browser(Api);
        await People.PasswordSignInAsync(browser, person.Email, person.Password);
        var (verifier, challenge) = People.NewPkce();
        var code = await People.AuthorizeAsync(browser, Api, challenge);
        var request = new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = People.SpaClientId, Code = code, RedirectUri = People.RedirectUri(Api), CodeVerifier = verifier,
        };

        var first = await browser.RequestAuthorizationCodeTokenAsync(request);
        var second = await browser.RequestAuthorizationCodeTokenAsync(request);

        Assert.False(first.IsError, first.Error);
        Assert.Equal("invalid_grant", second.Error);
        // Reusing the code revoked what it had issued.
        var refresh = await browser.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = People.SpaClientId, RefreshToken = first.RefreshToken!,
        });
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_refused()
    {
        var person = await People.SignedInAsync(Api);
        using var browser = People.Browser(Api);
        await People.PasswordSignInAsync(browser, person.Email, person.Password);
        var (_, challenge) = People.NewPkce();
        var code = await People.AuthorizeAsync(browser, Api, challenge);

        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = People.SpaClientId, Code = code, RedirectUri = People.RedirectUri(Api),
            CodeVerifier = People.NewPkce().Verifier,
        });

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_reusing_a_spent_one_revokes_the_family()
    {
        var person = await People.SignedInAsync(Api);
        using var http = Api.CreateClient();
        RefreshTokenRequest Refresh(string token) => new() { Address = "/connect/token", ClientId = People.SpaClientId, RefreshToken = token };

        var rotated = await http.RequestRefreshTokenAsync(Refresh(person.RefreshToken));
        Assert.False(rotated.IsError, rotated.Error);
        Assert.NotEqual(person.RefreshToken, rotated.RefreshToken);

        var reuse = await http.RequestRefreshTokenAsync(Refresh(person.RefreshToken));
        Assert.Equal("invalid_grant", reuse.Error);
        // The whole family is gone: the newest refresh token and the access token issued with it stop working too.
        var newest = await http.RequestRefreshTokenAsync(Refresh(rotated.RefreshToken!));
        Assert.Equal("invalid_grant", newest.Error);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rotated.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_refresh_token_no_longer_works()
    {
        var person = await People.SignedInAsync(Api);
        using var http = Api.CreateClient();

        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = People.SpaClientId, Token = person.RefreshToken, TokenTypeHint = "refresh_token",
        });
        Assert.False(revoked.IsError, revoked.Error);

        var refresh = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = People.SpaClientId, RefreshToken = person.RefreshToken,
        });
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task The_password_grant_and_the_implicit_flow_are_refused()
    {
        var person = await People.SignedInAsync(Api);
        using var http = Api.CreateClient();
        var password = await http.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = "/connect/token", ClientId = People.SpaClientId, UserName = person.Email, Password = person.Password, Scope = "openid",
        });
        Assert.Equal("unsupported_grant_type", password.Error);

        using var browser = People.Browser(Api);
        await People.PasswordSignInAsync(browser, person.Email, person.Password);
        var implicitFlow = await browser.GetAsync(People.AuthorizeUrl(Api, People.NewPkce().Challenge, extra: new Dictionary<string, string> { ["response_type"] = "token" }));
        Assert.Equal(HttpStatusCode.BadRequest, implicitFlow.StatusCode);
        Assert.Null(implicitFlow.Headers.Location); // no token handed to anyone
        Assert.Contains("unsupported_response_type", await implicitFlow.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions()
    {
        var person = await People.SignedInAsync(Api);
        var changed = await person.Client().PostAsJsonAsync("/api/v1/account/change-password",
            new { currentPassword = person.Password, newPassword = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var http = Api.CreateClient();
        var refresh = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = People.SpaClientId, RefreshToken = person.RefreshToken,
        });
        Assert.Equal("invalid_grant", refresh.Error);
        Assert.Equal(HttpStatusCode.NoContent, (await People.PasswordSignInAsync(People.Browser(Api), person.Email, "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task Ending_the_session_signs_the_browser_out()
    {
        var person = await People.SignedInAsync(Api);
        using var browser = People.Browser(Api);
        await People.PasswordSignInAsync(browser, person.Email, person.Password);
        var postLogout = People.RedirectUri(Api).Replace("/auth/callback", "/");

        var ended = await browser.GetAsync($"/connect/endsession?client_id={People.SpaClientId}&post_logout_redirect_uri={Uri.EscapeDataString(postLogout)}");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(postLogout, ended.Headers.Location!.ToString());
        // The browser session is gone: the next authorization request goes to the sign-in page again.
        var authorize = await browser.GetAsync(People.AuthorizeUrl(Api, People.NewPkce().Challenge));
        Assert.Equal("/account/sign-in", authorize.Headers.Location!.AbsolutePath);
    }
}
