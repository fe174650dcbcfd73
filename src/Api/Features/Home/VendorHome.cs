using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Home;

/// <summary>An open RFP for this vendor: the client's name as the listing shows it, its deadline.</summary>
public sealed record HomeOpportunityDto(Guid RfpId, string Title, string ClientName, DateTimeOffset? Deadline, DateTimeOffset Since);

/// <summary>
/// What needs doing now in a vendor organisation: RFPs that matched it or invited it and have no proposal yet, proposal
/// drafts with their deadlines, and submitted proposals an addendum asks to re-confirm. Profile completeness and the
/// plan's quota come from the profile and billing answers.
/// </summary>
public sealed record VendorHomeDto(IReadOnlyList<HomeOpportunityDto> NewMatches, IReadOnlyList<HomeOpportunityDto> Invitations,
    IReadOnlyList<HomeOpportunityDto> Drafts, IReadOnlyList<HomeOpportunityDto> ToReconfirm, int SubmittedOpen);

public static class VendorHome
{
    public static async Task<VendorHomeDto> Handle(CurrentActor actor, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var vendorId = actor.OrganisationId!.Value;
        var now = clock.GetUtcNow();
        // Only what is open now: published, before its deadline (the listing is what this vendor may see of an RFP).
        var open = db.RfpListings.AsNoTracking().Where(l => l.Status == RfpStatus.Published && l.ProposalDeadline > now);
        var proposals = db.Proposals.AsNoTracking().Where(p => p.VendorId == vendorId);

        var matches = await (from m in db.RfpMatches.AsNoTracking().Where(m => m.VendorId == vendorId && m.MatchedAt > now.AddDays(-30))
                             join l in open on m.RfpId equals l.RfpId
                             where !proposals.Any(p => p.RfpId == m.RfpId)
                             orderby l.ProposalDeadline
                             select new HomeOpportunityDto(l.RfpId, l.Title, l.ClientName, l.ProposalDeadline, m.MatchedAt))
            .Take(ClientHome.ListSize).ToListAsync(cancellationToken);
        var invitations = await (from i in db.RfpInvitations.AsNoTracking().Where(i => i.VendorId == vendorId)
                                 join l in open on i.RfpId equals l.RfpId
                                 where !proposals.Any(p => p.RfpId == i.RfpId)
                                 orderby l.ProposalDeadline
                                 select new HomeOpportunityDto(l.RfpId, l.Title, l.ClientName, l.ProposalDeadline, i.InvitedAt))
            .Take(ClientHome.ListSize).ToListAsync(cancellationToken);
        var drafts = await (from p in proposals.Where(p => p.Status == ProposalStatus.Draft)
                            join l in open on p.RfpId equals l.RfpId
                            orderby l.ProposalDeadline
                            select new HomeOpportunityDto(l.RfpId, l.Title, l.ClientName, l.ProposalDeadline, p.UpdatedAt))
            .Take(ClientHome.ListSize).ToListAsync(cancellationToken);
        var reconfirm = await (from p in proposals.Where(p => p.Status == ProposalStatus.Submitted)
                               join l in open on p.RfpId equals l.RfpId
                               where p.RfpVersion < l.Version
                               orderby l.ProposalDeadline
                               select new HomeOpportunityDto(l.RfpId, l.Title, l.ClientName, l.ProposalDeadline, l.UpdatedAt))
            .Take(ClientHome.ListSize).ToListAsync(cancellationToken);
        var submitted = await (from p in proposals.Where(p => p.Status == ProposalStatus.Submitted)
                               join l in open on p.RfpId equals l.RfpId
                               select p.Id).CountAsync(cancellationToken);
        return new VendorHomeDto(matches, invitations, drafts, reconfirm, submitted);
    }
}
