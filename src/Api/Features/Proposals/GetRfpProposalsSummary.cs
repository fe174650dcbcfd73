using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <param name="Submitted">How many proposals are submitted (withdrawn ones do not count); never whose.</param>
/// <param name="Sealed">The deadline has not passed: nothing of the proposals but their number can be read.</param>
/// <param name="OpensAt">The proposal deadline, when they open.</param>
public sealed record ProposalsSummaryDto(int Submitted, bool Sealed, DateTimeOffset? OpensAt);

/// <summary>How many proposals an RFP has received, which the client may know before the deadline (never whose).</summary>
public static class GetRfpProposalsSummary
{
    public static async Task<Ok<ProposalsSummaryDto>> HandleAsync(Guid rfpId, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        // The count runs as the database owner and answers only for this organisation's RFPs (submitted_proposal_count).
        var submitted = await db.Database.SqlQuery<int>($"SELECT submitted_proposal_count({rfpId}) AS \"Value\"").SingleAsync(cancellationToken);
        var deadline = listing?.ProposalDeadline;
        return TypedResults.Ok(new ProposalsSummaryDto(submitted, deadline is null || clock.GetUtcNow() < deadline, deadline));
    }
}
