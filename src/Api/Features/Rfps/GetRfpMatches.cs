using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record MatchReasonDto(string Code, int Points, string Text);

public sealed record RfpMatchDto(Guid VendorId, string VendorName, string Slug, int Score, IReadOnlyList<MatchReasonDto> Reasons, DateTimeOffset MatchedAt);

/// <param name="Total">Every match the RFP has, whichever page this is.</param>
/// <param name="Items">Best fit first (then by vendor, so that pages neither repeat nor skip one).</param>
public sealed record RfpMatchesPageDto(int Total, int Offset, int Limit, IReadOnlyList<RfpMatchDto> Items);

public static class GetRfpMatches
{
    public const int PageMax = 100;

    public static async Task<Results<Ok<RfpMatchesPageDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, int? offset, int? limit,
        MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (offset is < 0) errors["offset"] = [TextCatalogue.Say("rfp.matches.offset")];
        if (limit is < 1 or > PageMax) errors["limit"] = [TextCatalogue.Say("rfp.matches.limit", new { max = PageMax })];
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);
        if (!await db.Rfps.AnyAsync(r => r.Id == rfpId, cancellationToken)) return RfpDrafts.NoSuchRfp();
        var (skip, take) = (offset ?? 0, limit ?? 20);
        var matches = db.RfpMatches.AsNoTracking().Where(m => m.RfpId == rfpId);
        var total = await matches.CountAsync(cancellationToken);
        // A matched vendor is listed (matching reads only listed vendors); its name is its organisation's all the same.
        var page = await (
                from m in matches
                join o in db.Organisations.AsNoTracking() on m.VendorId equals o.Id
                join e in db.VendorSearchEntries.AsNoTracking() on m.VendorId equals e.OrganisationId into entries
                from e in entries.DefaultIfEmpty()
                orderby m.Score descending, m.VendorId
                select new { m, o.Name, Slug = e == null ? "" : e.Slug })
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        var english = TextCatalogue.CurrentLanguage == "en";
        return TypedResults.Ok(new RfpMatchesPageDto(total, skip, take, page.Select(x => new RfpMatchDto(x.m.VendorId, x.Name, x.Slug, x.m.Score,
            x.m.Reasons.Select(r => new MatchReasonDto(r.Code, r.Points, english ? r.En : r.Ja)).ToList(), x.m.MatchedAt)).ToList()));
    }
}
