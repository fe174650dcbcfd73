using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

public sealed record DecideAwardRequest(string? Comment);

public sealed class DecideAwardRequestValidator : AbstractValidator<DecideAwardRequest>
{
    public DecideAwardRequestValidator() => RuleFor(x => x.Comment).MaxChars("award.comment", RfpAward.ReasonMaxLength);
}

/// <summary>
/// A second person (owner or admin, never the proposer: the award refuses it, 403) approves the pending award: the RFP
/// is awarded, the contract created from the winning proposal, and every vendor that proposed is told.
/// </summary>
public static class ApproveAward
{
    public static async Task<Results<Ok<AwardStateDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, DecideAwardRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, rfpContent)) return OpenedProposals.Sealed();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var award = await db.RfpAwards.FirstOrDefaultAsync(a => a.RfpId == rfpId && a.Status == AwardStatus.Proposed, cancellationToken);
        if (award is null) return AwardState.NotNow("award.nonePending");
        var contract = await Awarding.ApproveAsync(db, award, actor.RequireUserId(), request.Comment, rfpContent, now, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.AwardApproved, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { award = award.Id, contract = contract.Id, vendor = award.VendorName, comment = award.DecisionComment }),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await AwardState.ReadAsync(db, rfpId, actor, cancellationToken));
    }
}
