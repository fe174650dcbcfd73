using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

/// <param name="Status">proposed, approved or rejected.</param>
public sealed record AwardDto(Guid Id, Guid ProposalId, Guid VendorId, string VendorName, string Reason, string ProposedBy, DateTimeOffset ProposedAt,
    string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment, Guid? ContractId);

/// <param name="Current">The award waiting for a decision or approved; null when there is none.</param>
/// <param name="MayPropose">The caller may propose an award now (procurement, RFP in evaluation, nothing pending).</param>
/// <param name="MayDecide">The caller may approve or reject the pending award (owner or admin, and not its proposer).</param>
public sealed record AwardStateDto(string RfpStatus, AwardDto? Current, IReadOnlyList<AwardDto> History, bool MayPropose, bool MayDecide);

/// <summary>What the award operations share: the state as the caller may act on it, and the refusal of a move not possible now.</summary>
internal static class AwardState
{
    public static ProblemHttpResult NotNow(string detailCode) => ApiProblems.Conflict(TextCatalogue.Say("common.notPossibleNow"), TextCatalogue.Say(detailCode));

    public static async Task<AwardStateDto> ReadAsync(MarketplaceDbContext db, Guid rfpId, CurrentActor actor, CancellationToken cancellationToken)
    {
        var status = await db.Rfps.AsNoTracking().Where(r => r.Id == rfpId).Select(r => r.Status).SingleAsync(cancellationToken);
        var awards = await db.RfpAwards.AsNoTracking().Where(a => a.RfpId == rfpId).OrderByDescending(a => a.ProposedAt).ToListAsync(cancellationToken);
        var people = awards.SelectMany(a => new[] { (Guid?)a.ProposedBy, a.DecidedBy }).OfType<Guid>().Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var contract = await db.Contracts.AsNoTracking().Where(c => c.RfpId == rfpId).Select(c => new { c.Id, c.AwardId }).FirstOrDefaultAsync(cancellationToken);
        AwardDto Dto(RfpAward a) => new(a.Id, a.ProposalId, a.VendorId, a.VendorName, a.Reason, emails.GetValueOrDefault(a.ProposedBy, ""), a.ProposedAt,
            a.Status.ToString().ToLowerInvariant(), a.DecidedBy is { } by ? emails.GetValueOrDefault(by, "") : null, a.DecidedAt, a.DecisionComment,
            contract?.AwardId == a.Id ? contract.Id : null);
        var current = awards.FirstOrDefault(a => a.Status is AwardStatus.Proposed or AwardStatus.Approved);
        var lead = actor.Role is { } role && EvaluationAccess.LeadRoles.Contains(role);
        var manager = actor.Role is { } r && OrganisationRoles.Managers.Contains(r);
        return new AwardStateDto(status.ToString().ToLowerInvariant(), current is null ? null : Dto(current),
            awards.Where(a => a != current).Select(Dto).ToList(),
            lead && status == RfpStatus.Evaluating && current is null,
            manager && current is { Status: AwardStatus.Proposed } && current.ProposedBy != actor.UserId);
    }
}
