using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

/// <summary>Sends the pending award back with a comment; the RFP stays in evaluation.</summary>
public static class RejectAward
{
    public static async Task<Results<Ok<AwardStateDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, DecideAwardRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, _)) return OpenedProposals.Sealed();
        var award = await db.RfpAwards.FirstOrDefaultAsync(a => a.RfpId == rfpId && a.Status == AwardStatus.Proposed, cancellationToken);
        if (award is null) return AwardState.NotNow("award.nonePending");
        award.Reject(actor.RequireUserId(), request.Comment, now);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.AwardRejected, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { award = award.Id, comment = award.DecisionComment }), cancellationToken);
        return TypedResults.Ok(await AwardState.ReadAsync(db, rfpId, actor, cancellationToken));
    }
}
