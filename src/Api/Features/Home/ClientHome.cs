using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Home;

/// <summary>One RFP that needs something, with what: a count (questions), a time (deadline), a vendor (award).</summary>
public sealed record HomeRfpDto(Guid RfpId, string Title, DateTimeOffset? At, int? Count, string? VendorName);

/// <summary>A contract whose monthly KPI review is due: the month (yyyy-MM) that has none yet.</summary>
public sealed record HomeReviewDueDto(Guid ContractId, string Title, string VendorName, string Month);

/// <summary>
/// What needs doing now in a client organisation, for the person asking: drafts to finish, vendors' questions to
/// answer, proposal deadlines of the next 14 days, proposals waiting for this person's scores, awards waiting for this
/// person's approval, and last month's KPI reviews not yet recorded.
/// </summary>
public sealed record ClientHomeDto(IReadOnlyList<HomeRfpDto> Drafts, IReadOnlyList<HomeRfpDto> QuestionsToAnswer, IReadOnlyList<HomeRfpDto> Deadlines,
    IReadOnlyList<HomeRfpDto> EvaluationsWaiting, IReadOnlyList<HomeRfpDto> ApprovalsWaiting, IReadOnlyList<HomeReviewDueDto> KpiReviewsDue, int RfpCount);

public static class ClientHome
{
    /// <summary>Each list shows its most pressing few; the page links to the full lists.</summary>
    public const int ListSize = 5;

    public static async Task<ClientHomeDto> Handle(CurrentActor actor, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisationId = actor.OrganisationId!.Value;
        var userId = actor.RequireUserId();
        var now = clock.GetUtcNow();
        // The content is one jsonb value (read whole): the RFPs still in play, a few hundred at most for one organisation.
        var rows = await db.Rfps.AsNoTracking().Where(r => r.OrganisationId == organisationId && r.Status != RfpStatus.Cancelled && r.Status != RfpStatus.Awarded)
            .Select(r => new { r.Id, r.Status, r.Content, r.UpdatedAt }).ToListAsync(cancellationToken);
        var active = rows.Select(r => new { r.Id, r.Status, r.Content.Title, r.Content.ProposalDeadline, r.UpdatedAt }).ToList();
        var titles = active.ToDictionary(r => r.Id, r => r.Title);
        var rfpCount = await db.Rfps.CountAsync(r => r.OrganisationId == organisationId, cancellationToken);

        var drafts = active.Where(r => r.Status == RfpStatus.Draft).OrderByDescending(r => r.UpdatedAt).Take(ListSize)
            .Select(r => new HomeRfpDto(r.Id, r.Title, r.UpdatedAt, null, null)).ToList();
        var deadlines = active.Where(r => r.Status == RfpStatus.Published && r.ProposalDeadline is { } d && d > now && d <= now.AddDays(14))
            .OrderBy(r => r.ProposalDeadline).Take(ListSize).Select(r => new HomeRfpDto(r.Id, r.Title, r.ProposalDeadline, null, null)).ToList();

        var unanswered = await db.RfpQuestions.AsNoTracking().Where(q => q.ClientOrganisationId == organisationId && q.AnsweredAt == null)
            .GroupBy(q => q.RfpId).Select(g => new { RfpId = g.Key, Count = g.Count(), Oldest = g.Min(q => q.AskedAt) }).ToListAsync(cancellationToken);
        var questions = unanswered.Where(q => titles.ContainsKey(q.RfpId)).OrderBy(q => q.Oldest).Take(ListSize)
            .Select(q => new HomeRfpDto(q.RfpId, titles[q.RfpId], q.Oldest, q.Count, null)).ToList();

        // Scores this person still owes: assigned, not submitted, on an RFP whose proposals are open to evaluation.
        var owed = await db.RfpEvaluators.AsNoTracking().Where(e => e.OrganisationId == organisationId && e.UserId == userId && e.SubmittedAt == null)
            .Select(e => e.RfpId).ToListAsync(cancellationToken);
        var evaluations = active.Where(r => owed.Contains(r.Id) && r.Status is RfpStatus.Closed or RfpStatus.Evaluating)
            .Select(r => new HomeRfpDto(r.Id, r.Title, r.ProposalDeadline, null, null)).Take(ListSize).ToList();

        // Awards only an owner or admin other than their proposer approves (four eyes).
        var approvals = new List<HomeRfpDto>();
        if (actor.Role is { } role && OrganisationRoles.Managers.Contains(role))
            approvals = (await db.RfpAwards.AsNoTracking().Where(a => a.OrganisationId == organisationId && a.Status == AwardStatus.Proposed && a.ProposedBy != userId)
                    .OrderBy(a => a.ProposedAt).Take(ListSize).ToListAsync(cancellationToken))
                .Select(a => new HomeRfpDto(a.RfpId, titles.GetValueOrDefault(a.RfpId) ?? "", a.ProposedAt, null, a.VendorName)).ToList();

        // Last month's review (Japan's calendar), for contracts running by then, when the person may record it.
        var reviewsDue = new List<HomeReviewDueDto>();
        if (actor.Role is { } lead && EvaluationAccess.LeadRoles.Contains(lead))
        {
            var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var contracts = await db.Contracts.AsNoTracking().Where(c => c.ClientOrganisationId == organisationId && c.StartsOn <= lastMonth)
                .Where(c => !db.KpiReviews.Any(r => r.ContractId == c.Id && r.Month == lastMonth))
                .OrderBy(c => c.StartsOn).Take(ListSize).Select(c => new { c.Id, c.Title, c.VendorName, c.StartsOn, c.TermMonths }).ToListAsync(cancellationToken);
            reviewsDue = contracts.Where(c => c.TermMonths == 0 || c.StartsOn.AddMonths(c.TermMonths) > lastMonth)
                .Select(c => new HomeReviewDueDto(c.Id, c.Title, c.VendorName, lastMonth.ToString("yyyy-MM"))).ToList();
        }

        return new ClientHomeDto(drafts, questions, deadlines, evaluations, approvals, reviewsDue, rfpCount);
    }
}
