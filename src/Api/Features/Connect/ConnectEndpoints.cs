using System.Collections.Immutable;
using System.Security.Claims;
using Marketplace.Core.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Api.Features.Connect;

/// <summary>
/// The OIDC endpoints whose answers depend on who is signed in (OpenIddict validates the protocol first and passes
/// the request through): authorization, token, end of session and userinfo. Discovery, revocation and the key set
/// are answered by OpenIddict itself.
/// </summary>
public static class ConnectEndpoints
{
    /// <summary>Kept only inside authorization codes and refresh tokens: a password change ends other sessions.</summary>
    public const string SecurityStampClaim = "marketplace:security_stamp";
    /// <summary>On an API client's tokens: the organisation the client acts for.</summary>
    public const string OrganisationClaim = "org";
    /// <summary>OpenIddict application property naming the organisation of an API client.</summary>
    public const string OrganisationProperty = "organisation_id";

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).ExcludeFromDescription();
        app.MapPost("/connect/token", Token).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSession).ExcludeFromDescription();
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext http, UserManager<User> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login) || await users.IsLockedOutAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            // To the SPA's sign-in page, which comes back here once signed in. prompt=login is dropped from the way
            // back, or the person would be sent to sign in again and again.
            var parameters = http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList();
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters.Where(p => p.Key != Parameters.Prompt));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [IdentityConstants.ApplicationScheme]);
        }

        var identity = await CreateUserIdentityAsync(user, users, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext http, UserManager<User> users, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret and that each requested scope is one the client was given.
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var properties = await applications.GetPropertiesAsync(application);
            if (!properties.TryGetValue(OrganisationProperty, out var organisation) || organisation.GetString() is not { } organisationId)
                return Refuse(Errors.UnauthorizedClient, "This client does not belong to an organisation.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.ClientId, request.ClientId)
                .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application))
                .SetClaim(OrganisationClaim, organisationId);
            // No scope asked for: every scope the client was given (RFC 6749 §3.3 lets the server choose a default).
            var scopes = request.GetScopes();
            if (scopes.IsEmpty)
                scopes = [.. (await applications.GetPermissionsAsync(application))
                    .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.Scope.Length..])];
            identity.SetScopes(scopes);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid (OpenIddict checked it, its PKCE verifier and that it was not spent);
            // the person must still exist, not be locked out, and not have changed their password since.
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || await users.IsLockedOutAsync(user)
                || principal!.GetClaim(SecurityStampClaim) != await users.GetSecurityStampAsync(user))
                return Refuse(Errors.InvalidGrant, "The session has ended. Please sign in again.");
            var identity = await CreateUserIdentityAsync(user, users, principal!.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> EndSession(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        // OpenIddict sends the browser on to the client's registered post_logout_redirect_uri.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfo(HttpContext http, UserManager<User> users)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || principal is null)
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var claims = new Dictionary<string, object?> { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }
        if (principal.HasScope(Scopes.Profile))
            claims[Claims.Locale] = user.PreferredLanguage;
        return Results.Ok(claims);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static async Task<ClaimsIdentity> CreateUserIdentityAsync(User user, UserManager<User> users, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Email)
            .SetClaim(Claims.Locale, user.PreferredLanguage)
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(user));
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email or Claims.Name when identity.HasScope(Scopes.Email) || identity.HasScope(Scopes.Profile)
                => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Locale when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [], // the security stamp stays in the server's own codes and refresh tokens
        });
        return identity;
    }
}
