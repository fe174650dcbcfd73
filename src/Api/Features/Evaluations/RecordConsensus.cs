using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record RecordConsensusRequest(Guid? ProposalId, string? Axis, int? Score, string? Reason) : IScoreTarget;

public sealed class RecordConsensusRequestValidator : AbstractValidator<RecordConsensusRequest>
{
    public RecordConsensusRequestValidator()
    {
        Include(new ScoreTargetValidator());
        RuleFor(x => x.Reason).Required("evaluation.reason").MaxChars("evaluation.reason", ConsensusScore.ReasonMaxLength);
    }
}

/// <summary>Procurement settles one proposal's score on one axis, with the reason; audited, and it is what the comparison counts.</summary>
public static class RecordConsensus
{
    public static async Task<Results<Ok<ConsensusDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, RecordConsensusRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return OpenedProposals.Sealed();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        await OpenedEvaluation.EnsureNotFinishedAsync(db, rfpId, cancellationToken);
        var (proposalId, axis) = (request.ProposalId!.Value, request.Axis!);
        if (opened.TargetProblem(proposalId, axis) is { } problem) return problem;
        if (!await db.RfpEvaluations.AnyAsync(e => e.RfpId == rfpId, cancellationToken))
            return ApiProblems.Conflict(TextCatalogue.Say("common.notPossibleNow"), TextCatalogue.Say("evaluation.assignFirst"));
        var now = clock.GetUtcNow();
        var userId = actor.RequireUserId();
        var consensus = await db.ConsensusScores.FirstOrDefaultAsync(c => c.RfpId == rfpId && c.ProposalId == proposalId && c.Axis == axis, cancellationToken);
        if (consensus is null)
            db.ConsensusScores.Add(consensus = new ConsensusScore(rfpId, opened.Listing.ClientOrganisationId, proposalId, axis, request.Score!.Value,
                request.Reason!, userId, now));
        else consensus.Change(request.Score!.Value, request.Reason!, userId, now);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ConsensusRecorded, "proposal",
            proposalId.ToString(), http.Connection.RemoteIpAddress?.ToString(), new { rfpId, axis, score = consensus.Score, reason = consensus.Reason }),
            cancellationToken);
        return TypedResults.Ok(new ConsensusDto(consensus.Score, consensus.Reason, consensus.RecordedAt));
    }
}
