using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record EvaluatorScoreDto(Guid UserId, string Evaluator, int Score, string? Comment);

public sealed record ConsensusDto(int Score, string Reason, DateTimeOffset RecordedAt);

/// <param name="Disagreement">The evaluators' scores are 2 or more apart: talk it through before settling.</param>
public sealed record ConsensusCellDto(Guid ProposalId, string Axis, IReadOnlyList<EvaluatorScoreDto> Scores, decimal? Mean, int Spread, bool Disagreement,
    ConsensusDto? Consensus);

/// <param name="Submitted">The evaluators whose scorecards count (submitted); the others' scores are not shown.</param>
public sealed record ConsensusViewDto(IReadOnlyList<EvaluatedProposalDto> Proposals, IReadOnlyList<EvaluationAxisDto> Axes, IReadOnlyList<ConsensusCellDto> Cells,
    int Submitted, int Evaluators, bool MayRecord);

/// <summary>
/// The submitted scores side by side per proposal and axis (mean, spread, disagreement) with the consensus recorded so
/// far; an evaluator sees it only after submitting their own scorecard (independent scoring, decision 0015).
/// </summary>
public static class GetConsensus
{
    public static async Task<Results<Ok<ConsensusViewDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return OpenedProposals.Sealed();
        if (!opened.Access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        var scores = await opened.SubmittedScoresAsync(db, cancellationToken);
        var evaluators = await db.RfpEvaluators.AsNoTracking().Where(e => e.RfpId == rfpId).ToListAsync(cancellationToken);
        var order = evaluators.OrderBy(e => e.AssignedAt).ThenBy(e => e.UserId).Select((e, i) => (e.UserId, i)).ToDictionary(x => x.UserId, x => x.i);
        var consensus = await db.ConsensusScores.AsNoTracking().Where(c => c.RfpId == rfpId).ToDictionaryAsync(c => (c.ProposalId, c.Axis), cancellationToken);
        var byCell = scores.ToLookup(s => (s.Score.ProposalId, s.Score.Axis));
        var axes = opened.ScoredAxes;
        var cells = (from p in opened.Conforming
                     from a in axes
                     let given = byCell[(p.Id, a.Code)].OrderBy(s => order.GetValueOrDefault(s.UserId)).ToList()
                     let spread = ScoreSpread.Of(given.Select(s => s.Score.Score).ToList())
                     let agreed = consensus.GetValueOrDefault((p.Id, a.Code))
                     select new ConsensusCellDto(p.Id, a.Code,
                         given.Select(s => new EvaluatorScoreDto(s.UserId, s.Email, s.Score.Score, s.Score.Comment)).ToList(),
                         spread.Mean, spread.Spread, spread.Disagreement, agreed is null ? null : new ConsensusDto(agreed.Score, agreed.Reason, agreed.RecordedAt)))
            .ToList();
        return TypedResults.Ok(new ConsensusViewDto(opened.Conforming, EvaluationAxisDto.ListOf(axes), cells, evaluators.Count(e => e.SubmittedAt is not null),
            evaluators.Count, opened.Access.Lead));
    }
}
