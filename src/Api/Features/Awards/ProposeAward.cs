using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

public sealed record ProposeAwardRequest(Guid? ProposalId, string? Reason);

public sealed class ProposeAwardRequestValidator : AbstractValidator<ProposeAwardRequest>
{
    public ProposeAwardRequestValidator()
    {
        RuleFor(x => x.ProposalId).NotNull().WithMessage(_ => TextCatalogue.Say("award.chooseProposal"));
        RuleFor(x => x.Reason).Required("award.reason").MaxChars("award.reason", RfpAward.ReasonMaxLength);
    }
}

/// <summary>Procurement proposes awarding one conforming proposal, with the reason, once the RFP is in evaluation and nothing is pending.</summary>
public static class ProposeAward
{
    public static async Task<Results<Created<AwardStateDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, ProposeAwardRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, rfp)) return OpenedProposals.Sealed();
        var status = await db.Rfps.AsNoTracking().Where(r => r.Id == rfpId).Select(r => r.Status).SingleAsync(cancellationToken);
        if (status != RfpStatus.Evaluating)
            return AwardState.NotNow("award.notEvaluating");
        if (await db.RfpAwards.AnyAsync(a => a.RfpId == rfpId && (a.Status == AwardStatus.Proposed || a.Status == AwardStatus.Approved), cancellationToken))
            return AwardState.NotNow("award.pending");
        var proposals = await OpenedProposals.SubmittedAsync(db, listing, rfp, hideNames: false, cancellationToken);
        if (proposals.FirstOrDefault(p => p.Proposal.Id == request.ProposalId) is not { Proposal: not null } chosen || !chosen.Summary.Conforms)
            return ValidationRules.FieldProblem("proposalId", TextCatalogue.Say("award.notConforming"));
        var award = new RfpAward(rfpId, listing.ClientOrganisationId, chosen.Proposal.Id, chosen.Proposal.VendorId, chosen.Summary.VendorName, request.Reason!,
            actor.RequireUserId(), now);
        db.RfpAwards.Add(award);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.AwardProposed, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { award = award.Id, proposal = award.ProposalId, vendor = award.VendorName, reason = award.Reason }), cancellationToken);
        return TypedResults.Created($"/api/v1/rfps/{rfpId}/award", await AwardState.ReadAsync(db, rfpId, actor, cancellationToken));
    }
}
