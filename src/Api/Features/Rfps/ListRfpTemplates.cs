using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record RfpTemplateDto(Guid Id, string Name, DateTimeOffset CreatedAt);

public static class ListRfpTemplates
{
    public static async Task<Ok<List<RfpTemplateDto>>> HandleAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RfpTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new RfpTemplateDto(t.Id, t.Name, t.CreatedAt)).ToListAsync(cancellationToken));
}
