using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Proposals;

/// <summary>Makes a withdrawn proposal a draft again, before the deadline (the proposal's own rule); audited.</summary>
public static class ReopenProposal
{
    public static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken) =>
        VendorProposals.ChangeAsync(rfpId, actor, db, http, clock, AuditActions.ProposalReopened, (p, deadline, now) => p.Reopen(deadline, now), cancellationToken);
}
