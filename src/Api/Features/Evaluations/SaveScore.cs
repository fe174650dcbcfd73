using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record SaveScoreRequest(Guid? ProposalId, string? Axis, int? Score, string? Comment) : IScoreTarget;

public sealed class SaveScoreRequestValidator : AbstractValidator<SaveScoreRequest>
{
    public SaveScoreRequestValidator()
    {
        Include(new ScoreTargetValidator());
        RuleFor(x => x.Comment).MaxChars("evaluation.comment", EvaluationScore.CommentMaxLength);
    }
}

/// <summary>An assigned evaluator scores one proposal on one axis; the scorecard stays theirs alone until they submit it.</summary>
public static class SaveScore
{
    public static async Task<Results<Ok<ScoreDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, SaveScoreRequest request,
        CurrentActor actor, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return OpenedProposals.Sealed();
        if (opened.Access.Me is not { } me) return EvaluationAccess.NotAnEvaluator();
        if (me.SubmittedAt is not null) throw new EvaluationLockedException("scorecardSubmitted");
        await OpenedEvaluation.EnsureNotFinishedAsync(db, rfpId, cancellationToken);
        var (proposalId, axis) = (request.ProposalId!.Value, request.Axis!);
        if (opened.TargetProblem(proposalId, axis) is { } problem) return problem;
        var now = clock.GetUtcNow();
        var score = await db.EvaluationScores.FirstOrDefaultAsync(s => s.RfpId == rfpId && s.UserId == me.UserId && s.ProposalId == proposalId && s.Axis == axis,
            cancellationToken);
        if (score is null)
            db.EvaluationScores.Add(score = new EvaluationScore(rfpId, opened.Listing.ClientOrganisationId, me.UserId, proposalId, axis, request.Score!.Value,
                request.Comment, now));
        else score.Change(request.Score!.Value, request.Comment, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ScoreDto(score.ProposalId, score.Axis, score.Score, score.Comment));
    }
}
