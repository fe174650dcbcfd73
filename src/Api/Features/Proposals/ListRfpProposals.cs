using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Proposals;

/// <summary>The submitted proposals, cheapest first, once the deadline has passed; each read is on the record.</summary>
public static class ListRfpProposals
{
    public static async Task<Results<Ok<List<ClientProposalSummaryDto>>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedProposals.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, rfp)) return OpenedProposals.Sealed();
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        if (!access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        var proposals = await OpenedProposals.SubmittedAsync(db, listing, rfp, access.HidesNames, cancellationToken);
        // The list shows what the proposals say (their costs and flags): a read of each, on the record.
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalsListed, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { proposals = proposals.Select(p => new { p.Proposal.Id, version = p.Version.Number }) }),
            cancellationToken);
        return TypedResults.Ok(proposals.Select(p => p.Summary).ToList());
    }
}
