using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>Takes part (参加表明): the vendor hears of answers, addenda and the deadline; the client sees a count, not who.</summary>
public static class JoinRfp
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing is null) return VendorRfps.NoSuchRfp();
        if (!listing.TakesParticipants) return ApiProblems.Conflict(TextCatalogue.Say("rfp.join.closed.title"), TextCatalogue.Say("rfp.join.closed"));
        await RfpParticipants.JoinAsync(db, listing, actor.OrganisationId!.Value, clock, cancellationToken);
        return TypedResults.NoContent();
    }
}
