using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record ScoreDto(Guid ProposalId, string Axis, int Score, string? Comment);

public sealed record ScorecardDto(IReadOnlyList<EvaluatedProposalDto> Proposals, IReadOnlyList<EvaluationAxisDto> Axes, IReadOnlyList<ScoreDto> Scores,
    DateTimeOffset? SubmittedAt);

/// <summary>The caller's own scorecard: what there is to score and what they have scored (403 unless assigned).</summary>
public static class GetMyScorecard
{
    public static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return OpenedProposals.Sealed();
        if (opened.Access.Me is not { } me) return EvaluationAccess.NotAnEvaluator();
        return TypedResults.Ok(await DtoAsync(db, opened, me.UserId, me.SubmittedAt, cancellationToken));
    }

    internal static async Task<ScorecardDto> DtoAsync(MarketplaceDbContext db, OpenedEvaluation opened, Guid userId, DateTimeOffset? submittedAt,
        CancellationToken cancellationToken)
    {
        var scores = await db.EvaluationScores.AsNoTracking().Where(s => s.RfpId == opened.RfpId && s.UserId == userId)
            .Select(s => new ScoreDto(s.ProposalId, s.Axis, s.Score, s.Comment)).ToListAsync(cancellationToken);
        return new ScorecardDto(opened.Conforming, EvaluationAxisDto.ListOf(opened.ScoredAxes), scores, submittedAt);
    }
}
