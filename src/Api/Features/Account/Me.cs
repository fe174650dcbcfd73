using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Account;

public sealed record MyOrganisationDto(Guid Id, string Name, string Kind, string Role);

public sealed record MeDto(Guid Id, string Email, string PreferredLanguage, bool IsPlatformOperator, IReadOnlyList<MyOrganisationDto> Organisations);

public static class Me
{
    /// <summary>The signed-in person and every organisation they belong to (for the switcher).</summary>
    public static async Task<MeDto> Handle(CurrentActor actor, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var userId = actor.RequireUserId();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.PreferredLanguage }).SingleAsync(cancellationToken);
        // Across organisations: row-level security shows a person their own memberships.
        var organisations = await db.Memberships.IgnoreQueryFilters([MarketplaceDbContext.TenantFilter]).AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { o.Id, o.Name, o.Kind, m.Role })
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);
        return new MeDto(userId, user.Email!, user.PreferredLanguage, actor.IsPlatformOperator,
            organisations.Select(o => new MyOrganisationDto(o.Id, o.Name, o.Kind.ToString().ToLowerInvariant(), o.Role)).ToList());
    }
}
