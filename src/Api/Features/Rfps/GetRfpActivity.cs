using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Rfps;

/// <summary>A published RFP's participants (a count, never who), invitations, questions and versions.</summary>
public static class GetRfpActivity
{
    public static async Task<Ok<RfpActivityDto>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // In a blind evaluation the askers' names would tell an evaluator who proposed: only procurement sees them.
        var hideAskers = await EvaluationAccess.HidesNamesFromAsync(db, actor, rfpId, cancellationToken);
        return TypedResults.Ok(await RfpActivity.ReadAsync(db, rfpId, clock, cancellationToken, hideAskers));
    }
}
