using System.Text.Json;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Organisations;

public sealed record NotificationDto(Guid Id, string Type, JsonElement Data, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record OrganisationDto(Guid Id, string Name, string Kind, string PreferredLanguage, DateTimeOffset CreatedAt, IReadOnlyList<NotificationDto> Notifications)
{
    public static OrganisationDto From(Organisation o, IReadOnlyList<NotificationDto> notifications) =>
        new(o.Id, o.Name, o.Kind.ToString().ToLowerInvariant(), o.PreferredLanguage, o.CreatedAt, notifications);
}

public static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations");

        group.MapPost("/", RegisterOrganisation.Handle)
            .RequireSignedInPerson()
            .Validate<RegisterOrganisationRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("RegisterOrganisation")
            .WithSummary("Register a client company or a vendor; the signed-in person becomes its owner");

        group.MapGet("/{organisationId:guid}", GetOrganisation)
            .RequireMember(ApiScopes.OrganisationRead)
            .WithName("GetOrganisation")
            .WithSummary("An organisation with its notifications, newest first");

        return api;
    }

    /// <summary>Only the active organisation (the one the caller is a member of) can be read this way.</summary>
    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> GetOrganisation(
        Guid organisationId, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var id = organisationId;
        var organisation = db.Tenant.OrganisationId == id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        if (organisation is null)
            return ApiProblems.NotFound("There is no organisation with this id.");

        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.OrganisationId == id)
            .OrderByDescending(n => n.CreatedAt)
            .Take(50)
            .Select(n => new { n.Id, n.Type, n.Data, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(OrganisationDto.From(organisation,
            notifications.Select(n => new NotificationDto(n.Id, n.Type, JsonDocument.Parse(n.Data).RootElement.Clone(), n.CreatedAt, n.ReadAt)).ToList()));
    }
}
