using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>What the vendor's RFP operations share: what a vendor may see is row-level security's, an RFP it may not see is 404.</summary>
internal static class VendorRfps
{
    public const int FeedMax = 100;

    public static ProblemHttpResult NoSuchRfp() => ApiProblems.NotFound(TextCatalogue.Say("proposal.noSuchRfp"));

    /// <summary>
    /// The client's rows of an RFP (versions, attachments) past the organisation query filter: row-level security lets
    /// the vendor read them only through a listing it sees.
    /// </summary>
    public static IQueryable<T> ClientRows<T>(DbSet<T> rows) where T : class => rows.IgnoreQueryFilters([MarketplaceDbContext.TenantFilter]);

    /// <summary>An RFP this vendor may not see is 404 before the body is looked at (a validation error would tell it exists).</summary>
    public static RouteHandlerBuilder RequireVisibleRfp(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
        var visible = Guid.TryParse(http.Request.RouteValues["rfpId"]?.ToString(), out var rfpId)
            && await db.RfpListings.AnyAsync(l => l.RfpId == rfpId, http.RequestAborted);
        return visible ? await next(context) : NoSuchRfp();
    });

    /// <summary>The feed's rows (or one RFP's): those it matched, was invited to or takes part in, open ones first.</summary>
    public static async Task<List<VendorRfpSummaryDto>> SummariesAsync(MarketplaceDbContext db, Guid vendorId, Guid? onlyRfp, CancellationToken cancellationToken)
    {
        // Row-level security has already cut listings to those this vendor may see.
        var listings = db.RfpListings.AsNoTracking().Where(l => onlyRfp == null || l.RfpId == onlyRfp);
        var rows = await (
                from l in listings
                let match = db.RfpMatches.FirstOrDefault(m => m.RfpId == l.RfpId && m.VendorId == vendorId)
                let invited = db.RfpInvitations.Any(i => i.RfpId == l.RfpId && i.VendorId == vendorId)
                let participating = db.RfpParticipants.Any(p => p.RfpId == l.RfpId && p.VendorId == vendorId)
                where onlyRfp != null || match != null || invited || participating
                orderby l.Status == RfpStatus.Published descending, l.ProposalDeadline
                select new { l, match, invited, participating })
            .Take(FeedMax).ToListAsync(cancellationToken);
        var english = TextCatalogue.CurrentLanguage == "en";
        return rows.Select(x => new VendorRfpSummaryDto(x.l.RfpId, x.l.Title, x.l.ClientName, x.l.Status.ToString().ToLowerInvariant(), x.l.Version,
            x.l.QuestionDeadline, x.l.ProposalDeadline, x.invited, x.participating, x.match?.Score,
            // The reasons are stored in both languages with the match (decision 0013).
            x.match?.Reasons.Select(r => new MatchReasonDto(r.Code, r.Points, english ? r.En : r.Ja)).ToList() ?? [])).ToList();
    }
}
