using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Proposals;

/// <summary>This vendor's proposal to the RFP with its submitted versions, what is missing and its total cost.</summary>
public static class GetMyProposal
{
    public static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VendorProposals.RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return VendorProposals.NoSuchRfp();
        var proposal = await VendorProposals.MineAsync(db, rfpId, actor.OrganisationId!.Value, cancellationToken); // tracked, for its revision
        if (proposal is null) return VendorProposals.NoProposal();
        return TypedResults.Ok(await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, clock.GetUtcNow(), cancellationToken));
    }
}
