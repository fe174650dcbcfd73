using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public static class GetRfp
{
    public static async Task<Results<Ok<RfpDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, MarketplaceDbContext db, HttpContext http, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken); // tracked, for its revision
        return rfp is null ? RfpDrafts.NoSuchRfp() : TypedResults.Ok(RfpDto.From(db, http, rfp, clock.GetUtcNow()));
    }
}
