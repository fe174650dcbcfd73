using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>A new draft with an RFP's content: the old deadlines have passed or belong to the other RFP, so they are cleared.</summary>
public static class CopyRfp
{
    public static async Task<Results<Created<RfpDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, MarketplaceDbContext db, HttpContext http, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var source = await db.Rfps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (source is null) return RfpDrafts.NoSuchRfp();
        var now = clock.GetUtcNow();
        var title = TextCatalogue.Say("rfp.copy.title", new { title = source.Content.Title });
        var copy = new Rfp(source.OrganisationId, RfpTemplate.WithoutDates(source.Content) with { Title = title.Length > 200 ? title[..200] : title }, now);
        db.Rfps.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/rfps/{copy.Id}", RfpDto.From(db, http, copy, now));
    }
}
