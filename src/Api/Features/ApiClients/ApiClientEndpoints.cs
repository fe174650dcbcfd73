using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Marketplace.Api.Features.Connect;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Api.Features.ApiClients;

public sealed record ApiClientDto(Guid Id, string Name, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <param name="ClientSecret">Shown once, here; only its hash is kept.</param>
public sealed record CreatedApiClientDto(Guid Id, string Name, string ClientId, string ClientSecret, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

public sealed record CreateApiClientRequest(string? Name, string[]? Scopes);

/// <summary>
/// Integrations of the active organisation: OAuth clients using the client credentials flow, whose tokens act only
/// inside this organisation and only within their scopes. Owners and admins create and revoke them.
/// </summary>
public static class ApiClientEndpoints
{
    public static RouteGroupBuilder MapApiClientEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-clients").WithTags("API clients");

        group.MapGet("/", List)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .WithName("ListApiClients")
            .WithSummary("The active organisation's API clients");

        group.MapPost("/", Create)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .Validate<CreateApiClientRequest>()
            .Idempotent().WithName("CreateApiClient")
            .WithSummary("Create an API client; its secret is in this answer only");

        group.MapDelete("/{apiClientId:guid}", Revoke)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .WithName("RevokeApiClient")
            .WithSummary("Revoke an API client: its secret and every token it holds stop working at once");

        return api;
    }

    public sealed class Validator : AbstractValidator<CreateApiClientRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Required("apiClient.name").MaxChars("apiClient.name", ApiClient.NameMaxLength);
            RuleFor(x => x.Scopes).Must(s => s is { Length: > 0 } && s.All(ApiScopes.Names.Contains))
                .WithMessage(_ => Localization.CurrentLanguage == "en"
                    ? $"Scopes: choose at least one of {string.Join(", ", ApiScopes.Names)}."
                    : $"権限（スコープ）を {string.Join("、", ApiScopes.Names)} から 1 つ以上選んでください。");
        }
    }

    private static ApiClientDto ToDto(ApiClient c) => new(c.Id, c.Name, c.ClientId, c.Scopes, c.CreatedAt, c.RevokedAt);

    private static async Task<Ok<List<ApiClientDto>>> List(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var clients = await db.ApiClients.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(clients.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<CreatedApiClientDto>, ValidationProblem>> Create(CreateApiClientRequest request, CurrentActor actor,
        MarketplaceDbContext db, IOpenIddictApplicationManager applications, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisationId = actor.OrganisationId!.Value;
        var scopes = request.Scopes!.Distinct().Order().ToArray();
        // A client company's integration has no vendor profile to change, and a vendor's no work inventory.
        var otherKind = scopes.Where(s => ApiScopes.ForApiClients.Single(a => a.Name == s).Kind is { } kind && kind != actor.OrganisationKind).ToList();
        if (otherKind.Count > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["scopes"] = [Localization.CurrentLanguage == "en"
                    ? $"Scopes: {string.Join(", ", otherKind)} are for the other kind of organisation."
                    : $"権限（スコープ）：{string.Join("、", otherKind)} はこの種類の組織では使えません。"],
            });
        var clientId = "org-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret, // OpenIddict stores a salted hash of it
            ClientType = ClientTypes.Confidential,
            DisplayName = request.Name!.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes)
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        descriptor.Properties[ConnectEndpoints.OrganisationProperty] = JsonSerializer.SerializeToElement(organisationId.ToString());

        var now = clock.GetDatabaseNow();
        var client = new ApiClient(organisationId, descriptor.DisplayName, clientId, scopes, actor.RequireUserId(), now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken); // same DbContext, same transaction
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(organisationId, actor.AuditName, AuditActions.ApiClientCreated, "api-client", client.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { client.Name, clientId, scopes }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/api-clients/{client.Id}",
            new CreatedApiClientDto(client.Id, client.Name, clientId, secret, scopes, client.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid apiClientId, CurrentActor actor, MarketplaceDbContext db,
        IOpenIddictApplicationManager applications, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == apiClientId, cancellationToken);
        if (client is null)
            return ApiProblems.NotFound("There is no API client with this id in your organisation.");
        if (client.RevokedAt is not null)
            return TypedResults.NoContent();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Deleting the OpenIddict application deletes its authorizations and tokens: with token entry validation,
        // every access token it holds is refused from the next request on.
        if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } application)
            await applications.DeleteAsync(application, cancellationToken);
        client.Revoke(clock.GetDatabaseNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(actor.OrganisationId, actor.AuditName, AuditActions.ApiClientRevoked, "api-client", client.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { client.Name, client.ClientId }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
