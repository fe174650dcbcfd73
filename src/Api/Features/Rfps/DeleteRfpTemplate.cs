using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public static class DeleteRfpTemplate
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid templateId, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        await db.RfpTemplates.Where(t => t.Id == templateId).ExecuteDeleteAsync(cancellationToken) == 1
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(TextCatalogue.Say("rfp.template.notFound"));
}
