using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Proposals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record ComparisonColumnDto(Guid ProposalId, string Label, bool Conforms, long TotalYen, CostSensitivity Sensitivity, decimal CostScore,
    IReadOnlyList<AxisResult> Axes, decimal? WeightedScore, int? Rank, IReadOnlyList<ProposalFlagDto> Flags);

public sealed record ComparisonRowDto(string Section, string Key, string Label, string Unit, string Better, IReadOnlyList<decimal?> Values, IReadOnlyList<bool> Best);

public sealed record ComparisonDto(IReadOnlyList<ComparisonColumnDto> Columns, IReadOnlyList<ComparisonRowDto> Rows, IReadOnlyList<EvaluationAxisDto> Axes,
    string CostRule, int SubmittedScorecards);

/// <summary>The comparison of the opened proposals as the caller may see it (labels in blind mode), for the screen and the exports alike.</summary>
internal sealed record ComparedEvaluation(OpenedEvaluation Opened, ComparisonDto Comparison, List<(Guid UserId, string Email, EvaluationScore Score)> Scores)
{
    /// <summary>Null while sealed.</summary>
    public static async Task<ComparedEvaluation?> BuildAsync(MarketplaceDbContext db, CurrentActor actor, Guid rfpId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return null;
        var scores = opened.Access.MaySeeAllScores ? await opened.SubmittedScoresAsync(db, cancellationToken) : [];
        var consensus = opened.Access.MaySeeAllScores
            ? await db.ConsensusScores.AsNoTracking().Where(c => c.RfpId == rfpId).ToDictionaryAsync(c => (c.ProposalId, c.Axis), c => c.Score, cancellationToken)
            : [];
        var compared = opened.Proposals.OrderBy(p => p.Proposal.Id).Select(p => new ComparedProposal(p.Proposal.Id, p.Summary.VendorName, p.Summary.Conforms,
            p.Version.Content, p.Summary.Cost, p.Summary.Sensitivity,
            p.Summary.Flags.Select(f => new ProposalFlag(f.Code, f.Subject)).ToList())).ToList();
        var comparison = ProposalComparison.Build(opened.Rfp, compared, scores.Select(s => (s.Score.ProposalId, s.Score.Axis, s.Score.Score)).ToList(), consensus);
        var flags = opened.Proposals.ToDictionary(p => p.Proposal.Id, p => p.Summary.Flags);
        var dto = new ComparisonDto(
            comparison.Columns.Select(c => new ComparisonColumnDto(c.ProposalId, c.Label, c.Conforms, c.Cost.TotalYen, c.Sensitivity, c.CostScore, c.Axes,
                c.WeightedScore, c.Rank, flags[c.ProposalId])).ToList(),
            comparison.Rows.Select(r => new ComparisonRowDto(r.Section, r.Key, r.Label.ToString(), r.Unit, r.Better, r.Values, r.Best)).ToList(),
            EvaluationAxisDto.ListOf(opened.Rfp.EvaluationAxes.Where(a => a.Weight > 0)), OpenedEvaluation.CostRule(),
            scores.Select(s => s.UserId).Distinct().Count());
        return new ComparedEvaluation(opened, dto, scores);
    }
}

/// <summary>The proposals side by side with the weighted total and rank; a read of every proposal, so on the record.</summary>
public static class GetProposalComparison
{
    public static async Task<Results<Ok<ComparisonDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ComparedEvaluation.BuildAsync(db, actor, rfpId, clock, cancellationToken) is not { } compared) return OpenedProposals.Sealed();
        var opened = compared.Opened;
        if (!opened.Access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        // The comparison shows what the proposals say (fees, commitments): a read of each, on the record like the list.
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalsCompared, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { proposals = opened.Proposals.Select(p => new { p.Proposal.Id, version = p.Version.Number }) }),
            cancellationToken);
        return TypedResults.Ok(compared.Comparison);
    }
}
