using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Proposals;

/// <summary>Withdraws the submitted proposal before the deadline (the proposal's own rule); audited.</summary>
public static class WithdrawProposal
{
    public static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken) =>
        VendorProposals.ChangeAsync(rfpId, actor, db, http, clock, AuditActions.ProposalWithdrawn, (p, deadline, now) => p.Withdraw(deadline, now), cancellationToken);
}
