using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Rfps;

/// <summary>The RFPs this vendor matched, was invited to or takes part in, each with why it matched.</summary>
public static class GetVendorRfpFeed
{
    public static async Task<Ok<List<VendorRfpSummaryDto>>> HandleAsync(CurrentActor actor, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VendorRfps.SummariesAsync(db, actor.OrganisationId!.Value, null, cancellationToken));
}
