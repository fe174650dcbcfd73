using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record EvaluationAxisDto(string Code, string Label, int Weight)
{
    public static List<EvaluationAxisDto> ListOf(IEnumerable<EvaluationAxisWeight> axes) =>
        axes.Select(a => new EvaluationAxisDto(a.Code, EvaluationAxes.Label(a.Code).ToString(), a.Weight)).ToList();
}

/// <param name="Label">The vendor's name, or "提案 A" in blind mode for an evaluator.</param>
public sealed record EvaluatedProposalDto(Guid Id, string Label);

/// <summary>
/// Everything an evaluation page needs that only exists once proposals are open (the listing, the RFP version in
/// force, the submitted proposals as the caller may see them, the caller's place in the evaluation). Every operation
/// of the feature starts from it; null while sealed, which answers 404.
/// </summary>
internal sealed record OpenedEvaluation(RfpListing Listing, RfpContent Rfp, List<SubmittedProposal> Proposals, EvaluationAccess Access)
{
    public Guid RfpId => Listing.RfpId;

    /// <summary>The proposals evaluators score: those answering the RFP version in force.</summary>
    public List<EvaluatedProposalDto> Conforming => Proposals.Where(p => p.Summary.Conforms).OrderBy(p => p.Proposal.Id)
        .Select(p => new EvaluatedProposalDto(p.Proposal.Id, p.Summary.VendorName)).ToList();

    /// <summary>The axes evaluators score (weighted, and not cost, which the rule scores).</summary>
    public IReadOnlyList<EvaluationAxisWeight> ScoredAxes => EvaluationRules.ScoredAxes(Rfp);

    public static async Task<OpenedEvaluation?> OpenAsync(MarketplaceDbContext db, CurrentActor actor, Guid rfpId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OpenedProposals.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, rfp)) return null;
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        var proposals = await OpenedProposals.SubmittedAsync(db, listing, rfp, access.HidesNames, cancellationToken);
        return new OpenedEvaluation(listing, rfp, proposals, access);
    }

    /// <summary>How cost becomes a score, in the reader's language.</summary>
    public static string CostRule() => TextCatalogue.Say("evaluation.costRule");

    /// <summary>
    /// Refuses any change once the RFP is awarded or cancelled (409, evaluation.locked.finished). Row-level security
    /// lets the client write scores whatever the status; the finish is the feature's rule, checked in the same
    /// transaction as the change where there is one.
    /// </summary>
    public static async Task EnsureNotFinishedAsync(MarketplaceDbContext db, Guid rfpId, CancellationToken cancellationToken)
    {
        if (await db.Rfps.AnyAsync(r => r.Id == rfpId && (r.Status == RfpStatus.Awarded || r.Status == RfpStatus.Cancelled), cancellationToken))
            throw new EvaluationLockedException("finished");
    }

    /// <summary>400 unless the proposal is one evaluators score and the axis one they score; null when both are.</summary>
    public ValidationProblem? TargetProblem(Guid proposalId, string axis)
    {
        var errors = new Dictionary<string, string[]>();
        if (Conforming.All(p => p.Id != proposalId)) errors["proposalId"] = [TextCatalogue.Say("evaluation.notATarget")];
        if (ScoredAxes.All(a => a.Code != axis))
            errors["axis"] = [TextCatalogue.Say(axis == EvaluationRules.CostAxis ? "evaluation.costNotScored" : "evaluation.notAnAxis")];
        return errors.Count > 0 ? ValidationRules.FieldProblem(errors) : null;
    }

    /// <summary>The scores of submitted scorecards only: a draft is its evaluator's alone.</summary>
    public async Task<List<(Guid UserId, string Email, EvaluationScore Score)>> SubmittedScoresAsync(MarketplaceDbContext db,
        CancellationToken cancellationToken) =>
        (await (from s in db.EvaluationScores.AsNoTracking()
                join e in db.RfpEvaluators.AsNoTracking() on new { s.RfpId, s.UserId } equals new { e.RfpId, e.UserId }
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where s.RfpId == RfpId && e.SubmittedAt != null
                select new { s, Email = u.Email ?? "" }).ToListAsync(cancellationToken))
        .Select(x => (x.s.UserId, x.Email, x.s)).ToList();
}

/// <summary>What a request that targets one proposal on one axis with a score shares: saving a score, recording a consensus.</summary>
public interface IScoreTarget
{
    Guid? ProposalId { get; }
    string? Axis { get; }
    int? Score { get; }
}

internal sealed class ScoreTargetValidator : AbstractValidator<IScoreTarget>
{
    public ScoreTargetValidator()
    {
        RuleFor(x => x.ProposalId).NotNull().WithMessage(_ => TextCatalogue.Say("evaluation.chooseProposal"));
        RuleFor(x => x.Axis).NotEmpty().WithMessage(_ => TextCatalogue.Say("evaluation.chooseAxis"));
        RuleFor(x => x.Score).NotNull().InclusiveBetween(EvaluationRules.MinScore, EvaluationRules.MaxScore)
            .WithMessage(_ => TextCatalogue.Say("evaluation.scoreRange", new { min = EvaluationRules.MinScore, max = EvaluationRules.MaxScore }));
    }
}
