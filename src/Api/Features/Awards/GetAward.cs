using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Awards;

/// <summary>The award waiting for a decision or approved, the earlier ones, and what the caller may do; 404 while proposals are sealed.</summary>
public static class GetAward
{
    public static async Task<Results<Ok<AwardStateDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OpenedProposals.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is null) return OpenedProposals.Sealed();
        return TypedResults.Ok(await AwardState.ReadAsync(db, rfpId, actor, cancellationToken));
    }
}
