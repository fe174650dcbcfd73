using Marketplace.Api.Features.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Who is calling, resolved once per request from the access token and, for a person, the organisation they chose
/// (header <see cref="OrganisationHeader"/>) once their membership is verified. An API client's token names its
/// organisation itself. No verified organisation means no tenant: every tenant-owned object then answers 404.
/// </summary>
public sealed class CurrentActor
{
    /// <summary>The request header in which the SPA names the active organisation.</summary>
    public const string OrganisationHeader = "X-Organisation-Id";

    public Guid? UserId { get; private set; }
    public string? ClientId { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public OrganisationKind? OrganisationKind { get; private set; }
    /// <summary>The person's role in the active organisation; null for an API client.</summary>
    public string? Role { get; private set; }
    public IReadOnlySet<string> Scopes { get; private set; } = new HashSet<string>();
    public bool IsPlatformOperator { get; private set; }

    public bool IsApiClient => ClientId is not null;
    /// <summary>What the audit trail records as the actor.</summary>
    public string AuditName => UserId?.ToString() ?? (ClientId is { } client ? "client:" + client : "anonymous");

    public Guid RequireUserId() => UserId ?? throw new InvalidOperationException("This endpoint needs a signed-in person.");

    internal static async Task ResolveAsync(HttpContext http, Func<Task> next)
    {
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var actor = http.RequestServices.GetRequiredService<CurrentActor>();
            var tenant = http.RequestServices.GetRequiredService<TenantContext>();
            actor.Scopes = principal.GetScopes().ToHashSet();
            if (principal.GetClaim(ConnectEndpoints.OrganisationClaim) is { } clientOrganisation && Guid.TryParse(clientOrganisation, out var clientOrganisationId))
            {
                actor.ClientId = principal.GetClaim(Claims.ClientId);
                actor.OrganisationId = clientOrganisationId;
                tenant.Set(clientOrganisationId);
                var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
                actor.OrganisationKind = await db.Organisations.Where(o => o.Id == clientOrganisationId)
                    .Select(o => (OrganisationKind?)o.Kind).SingleOrDefaultAsync(http.RequestAborted);
            }
            else if (Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId))
            {
                actor.UserId = userId;
                actor.IsPlatformOperator = principal.HasClaim(Claims.Role, Marketplace.Core.Identity.PlatformOperators.Role);
                tenant.SetUser(userId);
                if (http.Request.Headers[OrganisationHeader].ToString() is { Length: > 0 } chosen)
                {
                    if (!Guid.TryParse(chosen, out var organisationId))
                    {
                        await ValidationRules.FieldProblem(new Dictionary<string, string[]>
                        {
                            [OrganisationHeader] = [Localization.CurrentLanguage == "en" ? "This is not an organisation id." : "組織 ID の形式が正しくありません。"],
                        }).ExecuteAsync(http);
                        return;
                    }
                    var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
                    // Row-level security lets a person read their own memberships (app.current_user) before any
                    // organisation is set; a foreign organisation simply has no row here.
                    var membership = await db.Memberships.IgnoreQueryFilters([MarketplaceDbContext.TenantFilter])
                        .Where(m => m.UserId == userId && m.OrganisationId == organisationId)
                        .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Role, o.Kind })
                        .FirstOrDefaultAsync(http.RequestAborted);
                    if (membership is not null)
                    {
                        actor.OrganisationId = organisationId;
                        actor.OrganisationKind = membership.Kind;
                        actor.Role = membership.Role;
                        tenant.Set(organisationId);
                    }
                }
            }
        }
        await next();
    }
}

public static class CurrentActorSetup
{
    public static IHostApplicationBuilder AddCurrentActor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CurrentActor>();
        return builder;
    }

    /// <summary>After authentication: resolve the caller and the tenant for everything that follows.</summary>
    public static IApplicationBuilder UseCurrentActor(this IApplicationBuilder app) => app.Use((http, next) => CurrentActor.ResolveAsync(http, next));

    /// <summary>
    /// A signed-in person (any organisation or none), for endpoints about the person themself.
    /// API clients are refused: they act for an organisation, not a person.
    /// </summary>
    public static TBuilder RequireSignedInPerson<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<CurrentActor>();
            if (actor.UserId is null || !actor.Scopes.Contains(ApiScopes.Marketplace))
                return Forbidden();
            return await next(context);
        });
        return builder;
    }

    /// <summary>
    /// A member of the active organisation with one of <paramref name="roles"/> (any member when none are named),
    /// or one of the organisation's API clients holding <paramref name="apiClientScope"/> (none when null).
    /// No active organisation answers 404, as for any object of another organisation; a member without the role
    /// gets 403.
    /// </summary>
    public static TBuilder RequireMember<TBuilder>(this TBuilder builder, string? apiClientScope, params string[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<CurrentActor>();
            if (actor.OrganisationId is null)
                return ApiProblems.NotFound("No organisation of yours was chosen, or you are not a member of it.");
            var allowed = actor.IsApiClient
                ? apiClientScope is not null && actor.Scopes.Contains(apiClientScope)
                : actor.Scopes.Contains(ApiScopes.Marketplace) && (roles.Length == 0 || roles.Contains(actor.Role));
            return allowed ? await next(context) : Forbidden();
        });
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        builder.WithMetadata(new ActsInsideAnOrganisation());
        if (apiClientScope is not null) builder.WithMetadata(new RequiredScope(apiClientScope));
        return builder;
    }

    /// <summary>
    /// Every endpoint of the group is for one kind of organisation (work inventory and RFPs: clients). Any other
    /// active organisation, or none, answers 404 with the text <paramref name="messageCode"/> names, before the role
    /// check or the body is looked at.
    /// </summary>
    /// <param name="messageCode">The catalogue's text that tells the caller which kind of organisation to choose.</param>
    public static RouteGroupBuilder RequireOrganisationKind(this RouteGroupBuilder group, OrganisationKind kind, string messageCode)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<CurrentActor>();
            return actor.OrganisationKind == kind ? await next(context) : ApiProblems.NotFound(Marketplace.Core.Texts.TextCatalogue.Say(messageCode));
        });
        return group;
    }

    /// <summary>
    /// The object named by the route value <paramref name="routeParameter"/> must be the active organisation's, or the
    /// answer is 404, before the body is even looked at (so a foreign id never reads as a validation error). For
    /// <see cref="ITenantWritten"/> data (public, one organisation writes) and <see cref="ITenantOwned"/> data alike.
    /// </summary>
    public static TBuilder RequireOwned<TBuilder, TEntity>(this TBuilder builder, string routeParameter)
        where TBuilder : IEndpointConventionBuilder where TEntity : class
    {
        if (!typeof(ITenantWritten).IsAssignableFrom(typeof(TEntity)) && !typeof(ITenantOwned).IsAssignableFrom(typeof(TEntity)))
            throw new InvalidOperationException($"{typeof(TEntity).Name} belongs to no organisation.");
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
            var organisationId = db.Tenant.OrganisationId;
            var owned = Guid.TryParse(http.Request.RouteValues[routeParameter]?.ToString(), out var id) && organisationId is not null
                        && await db.Set<TEntity>().AnyAsync(e => EF.Property<Guid>(e, "Id") == id && EF.Property<Guid>(e, "OrganisationId") == organisationId, http.RequestAborted);
            return owned ? await next(context) : ApiProblems.NotFound("There is no such object in your organisation.");
        });
        return builder;
    }

    /// <summary>
    /// The platform's own staff (verification, moderation, the catalogue): a signed-in person with the operator role.
    /// Anyone else gets 403: these are platform objects, not another tenant's, so there is nothing to hide.
    /// </summary>
    public static TBuilder RequirePlatformOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<CurrentActor>();
            return actor.IsPlatformOperator && actor.Scopes.Contains(ApiScopes.Marketplace)
                ? await next(context)
                : ApiProblems.Forbidden(Localization.CurrentLanguage == "en"
                    ? "Only platform operators can do this."
                    : "この操作はプラットフォーム運営者のみが行えます。");
        });
        builder.WithMetadata(new PlatformOperatorsOnly());
        return builder;
    }

    private static IResult Forbidden() => ApiProblems.Forbidden();
}

/// <summary>Endpoint metadata: public data, answered to anyone (the cross-tenant suite expects 200 there).</summary>
public sealed class PublicData;

/// <summary>Endpoint metadata: only platform operators may call it (the cross-tenant suite expects 403 there).</summary>
public sealed class PlatformOperatorsOnly;

/// <summary>Endpoint metadata: the endpoint acts inside the caller's active organisation (documented in OpenAPI).</summary>
public sealed class ActsInsideAnOrganisation;

/// <summary>The scope an API client needs for the endpoint (people need "marketplace" and a role).</summary>
public sealed record RequiredScope(string Scope);

public static class TenantScopes
{
    /// <summary>
    /// A new DI scope acting for <paramref name="organisationId"/> and <paramref name="userId"/>, whatever the request
    /// itself chose: for the few operations that act inside an organisation the caller is not (yet) a member of
    /// (creating it, reading or accepting an invitation to it). Dispose the scope when done.
    /// </summary>
    public static (AsyncServiceScope Scope, MarketplaceDbContext Db) CreateTenantScope(this IServiceScopeFactory scopes, Guid? organisationId, Guid? userId)
    {
        var scope = scopes.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        if (organisationId is { } organisation) tenant.Set(organisation);
        if (userId is { } user) tenant.SetUser(user);
        return (scope, scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
