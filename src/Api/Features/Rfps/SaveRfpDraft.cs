using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>Saves a draft's whole content as the builder sends it while the user types (validated by <see cref="RfpContentValidator"/>).</summary>
public static class SaveRfpDraft
{
    public static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, RfpContent content,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return RfpDrafts.NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        content = RfpDrafts.Normalised(content);
        if (await RfpDrafts.UnknownServicesAsync(content, db, cancellationToken) is { } unknown) return unknown;
        var now = clock.GetUtcNow();
        rfp.EditDraft(content, now); // once published: 409, from the life cycle
        await db.SaveChangesAsync(cancellationToken); // a save that lost a race to another answers 409 (or 412 with If-Match)
        return TypedResults.Ok(RfpDto.From(db, http, rfp, now));
    }
}
