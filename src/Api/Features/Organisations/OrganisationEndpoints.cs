using System.Text.Json;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
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
    // Until sign-in exists (identity issue), registration is open and an organisation is read by its
    // unguessable id. The identity work puts both behind authentication and tenant resolution.
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations");

        group.MapPost("/", RegisterOrganisation.Handle)
            .Validate<RegisterOrganisationRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("RegisterOrganisation")
            .WithSummary("Register a client company or a vendor");

        group.MapGet("/{id:guid}", GetOrganisation)
            .WithName("GetOrganisation")
            .WithSummary("An organisation with its notifications, newest first");

        return api;
    }

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> GetOrganisation(
        Guid id, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        // Until sign-in resolves the organisation from the token, the id in the path is the tenant of this request.
        db.Tenant.Set(id);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
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
