using Marketplace.Core.Data;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record RfpSummaryDto(Guid Id, string Title, string Status, int Version, DateTimeOffset? ProposalDeadline, DateTimeOffset UpdatedAt);

public static class ListRfps
{
    public static async Task<Results<Ok<List<RfpSummaryDto>>, ProblemHttpResult>> HandleAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var rfps = await db.Rfps.AsNoTracking().OrderByDescending(r => r.UpdatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rfps.Select(r => new RfpSummaryDto(r.Id, r.Content.Title, Codes.Of(r.Status), r.Version, r.Content.ProposalDeadline, r.UpdatedAt)).ToList());
    }
}
