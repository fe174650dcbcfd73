using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Marketplace.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Marketplace.TestSupport;

/// <summary>A person signed in through the real OIDC flow (password, authorization code with PKCE, token).</summary>
public sealed record Person(ApiFactory Api, Guid UserId, string Email, string Password, TokenResponse Tokens)
{
    public string AccessToken => Tokens.AccessToken!;
    public string RefreshToken => Tokens.RefreshToken!;

    /// <summary>An HttpClient carrying this person's access token and, when given, their chosen organisation.</summary>
    public HttpClient Client(Guid? organisationId = null, string? language = null)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        if (organisationId is { } id) client.DefaultRequestHeaders.Add("X-Organisation-Id", id.ToString());
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Registers an organisation with this person as its owner and returns its id.</summary>
    public async Task<Guid> CreateOrganisationAsync(string kind = "client", string? name = null)
    {
        var response = await Client().PostAsJsonAsync("/api/v1/organisations",
            new { name = name ?? Database.UniqueName(kind == "vendor" ? "テストベンダー株式会社" : "テスト発注株式会社"), kind, contactEmail = Email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Invites <paramref name="colleague"/> to this person's organisation with <paramref name="role"/>, and accepts with the e-mailed link.</summary>
    public async Task AddMemberAsync(Guid organisationId, Person colleague, string role)
    {
        var invitation = await (await Client(organisationId).PostAsJsonAsync("/api/v1/invitations", new { email = colleague.Email, role }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var mail = await MailCatcher.WaitForAsync(colleague.Email, "への招待");
        var token = System.Text.RegularExpressions.Regex.Match(mail.Text, "token=(?<t>[0-9a-f]+)").Groups["t"].Value;
        var accepted = await colleague.Client().PostAsJsonAsync("/api/v1/invitations/accept",
            new { organisationId, invitationId = invitation.GetProperty("id").GetGuid(), token });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
    }
}

public static class People
{
    public const string Password = "correct horse battery staple";
    public const string SpaClientId = "marketplace-spa";
    public const string Scopes = "openid profile email offline_access marketplace";

    /// <summary>The SPA's callback as the Api registered it (Site:PublicUrl of the test host).</summary>
    public static string RedirectUri(ApiFactory api) =>
        api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Marketplace.Core.Mail.SiteOptions>>().Value.PublicUrl.TrimEnd('/') + "/auth/callback";

    /// <summary>A confirmed account, made directly (sign-up itself has its own tests).</summary>
    public static async Task<(Guid Id, string Email)> CreateAccountAsync(ApiFactory api, string? email = null, string password = Password)
    {
        email ??= $"person-{Guid.NewGuid():N}@example.jp";
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return (user.Id, email);
    }

    /// <summary>A new confirmed person, signed in through the whole browser-side flow.</summary>
    public static async Task<Person> SignedInAsync(ApiFactory api, string? email = null)
    {
        var (id, address) = await CreateAccountAsync(api, email);
        return new Person(api, id, address, Password, await SignInAsync(api, address, Password));
    }

    /// <summary>A new platform operator (no organisation), signed in after the role was granted.</summary>
    public static async Task<Person> OperatorAsync(ApiFactory api)
    {
        var (id, email) = await CreateAccountAsync(api);
        await using (var db = Database.Open())
            Assert.True(await PlatformOperators.GrantAsync(db, email));
        return new Person(api, id, email, Password, await SignInAsync(api, email, Password));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so the code can be read).</summary>
    public static HttpClient Browser(ApiFactory api) => api.ServesOnKestrel
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = api.ClientOptions.BaseAddress,
        }
        : api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PasswordSignInAsync(HttpClient browser, string email, string password) =>
        await browser.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password });

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = CryptoRandom.CreateUniqueId(32);
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }

    /// <summary>The authorization request URL as the SPA builds it; <paramref name="extra"/> adds or overrides parameters.</summary>
    public static string AuthorizeUrl(ApiFactory api, string? challenge, string method = "S256", IDictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = SpaClientId,
            ["redirect_uri"] = RedirectUri(api),
            ["response_type"] = "code",
            ["scope"] = Scopes,
            ["state"] = CryptoRandom.CreateUniqueId(16),
            ["nonce"] = CryptoRandom.CreateUniqueId(16),
        };
        if (challenge is not null)
        {
            parameters["code_challenge"] = challenge;
            parameters["code_challenge_method"] = method;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) parameters[key] = value;
        return QueryHelpers.AddQueryString("/connect/authorize", parameters);
    }

    /// <summary>Reads the code from the authorization endpoint's redirect to the SPA's callback.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient browser, ApiFactory api, string challenge)
    {
        var response = await browser.GetAsync(AuthorizeUrl(api, challenge));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri(api), location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.True(query.ContainsKey("code"), $"no code in {location}");
        return query["code"].ToString();
    }

    public static async Task<TokenResponse> SignInAsync(ApiFactory api, string email, string password)
    {
        using var browser = Browser(api);
        var signIn = await PasswordSignInAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var (verifier, challenge) = NewPkce();
        var code = await AuthorizeAsync(browser, api, challenge);
        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token",
            ClientId = SpaClientId,
            Code = code,
            RedirectUri = RedirectUri(api),
            CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        return tokens;
    }
}
