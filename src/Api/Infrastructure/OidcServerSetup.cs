using System.Security.Cryptography;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Identity;
using Marketplace.Core.Integrations;
using Marketplace.Core.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// The platform as its own OpenID Connect provider (OpenIddict). The SPA is a public client using the
/// authorization code flow with PKCE (S256 only); organisations' integrations use client credentials. Refresh
/// tokens roll: each use returns a new one, and presenting a spent one revokes the whole family (the authorization
/// and every token issued under it). The Api accepts the access tokens it issued, checked against the token store
/// on every request so that revocation takes effect at once. See docs/decisions/0010-oidc-server.md.
/// </summary>
public static class OidcServerSetup
{
    public const string SpaClientId = "marketplace-spa";
    public const string SpaCallbackPath = "/auth/callback";

    public static IHostApplicationBuilder AddMarketplaceOidc(this IHostApplicationBuilder builder)
    {
        var requireHttps = builder.Configuration.GetValue("Oidc:RequireHttps", true);

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddIdentityCookies();
        // The Identity cookie only carries the person from the sign-in page to the authorization endpoint; the SPA
        // itself holds tokens. It is HttpOnly and SameSite=Lax, and Secure wherever the site runs on HTTPS.
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "marketplace.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/sign-in";
            cookie.ReturnUrlParameter = "returnUrl";
        });
        builder.Services.AddAuthorization();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<MarketplaceDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetEndSessionEndpointUris("/connect/endsession")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetUserInfoEndpointUris("/connect/userinfo")
                    .SetConfigurationEndpointUris("/.well-known/openid-configuration");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowRefreshTokenFlow();
                server.AllowClientCredentialsFlow();
                // No implicit, hybrid or password flow is enabled, so OpenIddict refuses them.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // A spent refresh token is never accepted again, not even a moment later: reuse revokes the family.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(15));
                server.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // Listed in discovery (scopes_supported): the people's scope and every integration scope.
                server.RegisterScopes([Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess,
                    ApiScopes.Marketplace, .. ApiScopes.Names]);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (!requireHttps)
                    aspNetCore.DisableTransportSecurityRequirement(); // loopback development and tests only
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.EnableTokenEntryValidation(); // a revoked token stops working at once
            });

        builder.Services.AddSingleton<OidcKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureOidcKeys>();
        builder.Services.AddHostedService<SpaClientRegistration>();
        return builder;
    }
}

/// <summary>
/// The server's RSA signing and encryption keys: created on first start, then kept where the Data Protection keys
/// are kept (PostgreSQL, or the folder of "DataProtection:Path"), protected by Data Protection. Every replica and
/// every restart use the same keys, so tokens and sessions stay valid.
/// </summary>
public sealed class OidcKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("Marketplace.Oidc.Keys");

    public RsaSecurityKey GetOrCreate(string purpose)
    {
        var (id, protectedPem) = configuration["DataProtection:Store"]?.Trim().ToLowerInvariant() == "filesystem"
            ? FromFolder(purpose)
            : FromDatabase(purpose);
        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(protectedPem));
        return new RsaSecurityKey(rsa) { KeyId = id };
    }

    private string NewProtectedKey()
    {
        using var rsa = RSA.Create(2048);
        return protector.Protect(rsa.ExportPkcs8PrivateKeyPem());
    }

    private (string Id, string ProtectedPem) FromDatabase(string purpose)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var existing = db.OidcKeys.AsNoTracking().FirstOrDefault(k => k.Purpose == purpose);
        if (existing is null)
        {
            var key = new OidcKey(purpose, NewProtectedKey(), clock.GetUtcNow());
            // Replicas starting together: the first insert wins, the others read it.
            db.Database.ExecuteSql($"""
                INSERT INTO oidc_keys (id, purpose, protected_key, created_at)
                VALUES ({key.Id}, {key.Purpose}, {key.ProtectedKey}, {key.CreatedAt}) ON CONFLICT (purpose) DO NOTHING
                """);
            existing = db.OidcKeys.AsNoTracking().First(k => k.Purpose == purpose);
        }
        return (existing.Id.ToString("N"), existing.ProtectedKey);
    }

    private (string Id, string ProtectedPem) FromFolder(string purpose)
    {
        var folder = configuration["DataProtection:Path"] ?? throw new InvalidOperationException("DataProtection:Path is not set.");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"oidc-{purpose}.key");
        if (!File.Exists(path))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, Guid.NewGuid().ToString("N") + "\n" + NewProtectedKey());
            try { File.Move(temporary, path, overwrite: false); }
            catch (IOException) { File.Delete(temporary); } // another process wrote it first
        }
        var lines = File.ReadAllText(path).Split('\n', 2);
        return (lines[0], lines[1]);
    }
}

internal sealed class ConfigureOidcKeys(OidcKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        if (BuildTimeDocumentGeneration.IsActive)
        {
            // `dotnet build` writing the OpenAPI document has no database: throwaway keys.
            options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(new RsaSecurityKey(RSA.Create(2048)),
                SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            return;
        }
        options.SigningCredentials.Add(new SigningCredentials(keys.GetOrCreate(OidcKey.Signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(keys.GetOrCreate(OidcKey.Encryption),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}

/// <summary>
/// Registers (or updates) the SPA as a public client at start: its redirect URIs follow "Site:PublicUrl", plus any
/// in "Oidc:ExtraSpaOrigins" (for example a Vite dev server), so configuration, not code, says where it runs.
/// </summary>
internal sealed class SpaClientRegistration(IServiceScopeFactory scopes, IOptions<SiteOptions> site, IConfiguration configuration,
    ILogger<SpaClientRegistration> logger) : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? retrying;

    /// <summary>
    /// Registers before the Api takes requests; if the database is down, the Api starts anyway (it answers 503
    /// until the database is back) and the registration is retried in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BuildTimeDocumentGeneration.IsActive) return;
        try
        {
            await RegisterAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not register the SPA client yet; retrying in the background");
            retrying = RetryAsync(stopping.Token);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                await RegisterAsync(cancellationToken);
                return;
            }
            catch (OperationCanceledException) { return; }
            catch (Exception e) { logger.LogWarning(e, "Registering the SPA client failed; retrying"); }
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var origins = new[] { site.Value.PublicUrl }
            .Concat(configuration.GetSection("Oidc:ExtraSpaOrigins").Get<string[]>() ?? [])
            .Select(o => o.TrimEnd('/'))
            .Distinct()
            .ToList();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = OidcServerSetup.SpaClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit, // the platform's own front end: no consent screen
            DisplayName = "Marketplace",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + ApiScopes.Marketplace,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var origin in origins)
        {
            descriptor.RedirectUris.Add(new Uri(origin + OidcServerSetup.SpaCallbackPath));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin + "/"));
        }

        // Several Api replicas (or test hosts) may start at once: if another created the client first, update it.
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            try
            {
                if (await applications.FindByClientIdAsync(OidcServerSetup.SpaClientId, cancellationToken) is { } existing)
                    await applications.UpdateAsync(existing, descriptor, cancellationToken);
                else
                    await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("SPA client registered for {Origins}", string.Join(", ", origins));
                return;
            }
            catch (Exception e) when (attempt < 3 && e is DbUpdateException or OpenIddictExceptions.ConcurrencyException)
            {
                logger.LogInformation("SPA client registration raced another host; trying again");
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (retrying is not null) await retrying;
    }
}
