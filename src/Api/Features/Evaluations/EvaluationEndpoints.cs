using FluentValidation;
using Marketplace.Api.Features.Proposals;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Texts;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record EvaluationAxisDto(string Code, string Label, int Weight);

/// <param name="Label">The vendor's name, or "提案 A" in blind mode for an evaluator.</param>
public sealed record EvaluatedProposalDto(Guid Id, string Label);

/// <param name="Scored">How many of the scores the scorecard needs this evaluator has given.</param>
public sealed record EvaluatorDto(Guid UserId, string Email, DateTimeOffset AssignedAt, DateTimeOffset? SubmittedAt, int Scored, int Required);

/// <param name="Status">The RFP's status, as the RFP answers it (closed, evaluating, awarded...).</param>
/// <param name="MyRole">lead, evaluator, or lead+evaluator: what the caller does here.</param>
/// <param name="Assignable">Members who may be assigned (owner, admin, procurement, evaluator; never a viewer), for the lead.</param>
/// <param name="CostRule">How cost becomes a score, in the reader's language.</param>
public sealed record EvaluationDto(string Status, bool Blind, IReadOnlyList<EvaluatorDto> Evaluators, string MyRole, bool Submitted,
    IReadOnlyList<EvaluationAxisDto> ScoredAxes, IReadOnlyList<EvaluatedProposalDto> Proposals, IReadOnlyList<EvaluatorDto> Assignable, string CostRule);

public sealed record SetEvaluationPanelRequest(bool Blind, Guid[]? EvaluatorUserIds);

public sealed record ScoreDto(Guid ProposalId, string Axis, int Score, string? Comment);

public sealed record ScorecardDto(IReadOnlyList<EvaluatedProposalDto> Proposals, IReadOnlyList<EvaluationAxisDto> Axes, IReadOnlyList<ScoreDto> Scores,
    DateTimeOffset? SubmittedAt);

public sealed record SaveScoreRequest(Guid? ProposalId, string? Axis, int? Score, string? Comment);

public sealed record RecordConsensusRequest(Guid? ProposalId, string? Axis, int? Score, string? Reason);

public sealed record EvaluatorScoreDto(Guid UserId, string Evaluator, int Score, string? Comment);

public sealed record ConsensusDto(int Score, string Reason, DateTimeOffset RecordedAt);

/// <param name="Disagreement">The evaluators' scores are 2 or more apart: talk it through before settling.</param>
public sealed record ConsensusCellDto(Guid ProposalId, string Axis, IReadOnlyList<EvaluatorScoreDto> Scores, decimal? Mean, int Spread, bool Disagreement,
    ConsensusDto? Consensus);

/// <param name="Submitted">The evaluators whose scorecards count (submitted); the others' scores are not shown.</param>
public sealed record ConsensusViewDto(IReadOnlyList<EvaluatedProposalDto> Proposals, IReadOnlyList<EvaluationAxisDto> Axes, IReadOnlyList<ConsensusCellDto> Cells,
    int Submitted, int Evaluators, bool MayRecord);

public sealed record ComparisonColumnDto(Guid ProposalId, string Label, bool Conforms, long TotalYen, CostSensitivity Sensitivity, decimal CostScore,
    IReadOnlyList<AxisResult> Axes, decimal? WeightedScore, int? Rank, IReadOnlyList<ProposalFlagDto> Flags);

public sealed record ComparisonRowDto(string Section, string Key, string Label, string Unit, string Better, IReadOnlyList<decimal?> Values, IReadOnlyList<bool> Best);

public sealed record ComparisonDto(IReadOnlyList<ComparisonColumnDto> Columns, IReadOnlyList<ComparisonRowDto> Rows, IReadOnlyList<EvaluationAxisDto> Axes,
    string CostRule, int SubmittedScorecards);

/// <summary>
/// The client's evaluation of an RFP's proposals once the deadline has passed (decision 0015): procurement sets the
/// panel (evaluators, blind mode); each evaluator scores every conforming proposal on each axis (1-5 with a comment)
/// and submits; the submitted scores meet in the consensus view, where procurement records a consensus per axis with a
/// reason; the comparison puts it all side by side, with CSV and Excel exports. Everything answers 404 while sealed.
/// </summary>
public static class EvaluationEndpoints
{
    public const int MaxEvaluators = 20;

    public static RouteGroupBuilder MapEvaluationEndpoints(this RouteGroupBuilder api)
    {
        var rfps = api.MapClientRfps();
        var leads = EvaluationAccess.LeadRoles;
        var readers = EvaluationAccess.ReaderRoles;
        RouteHandlerBuilder Owned(RouteHandlerBuilder route) => route.RequireOwned<RouteHandlerBuilder, Rfp>("rfpId");
        Owned(rfps.MapGet("/{rfpId:guid}/evaluation", Get).RequireMember(null, readers)).WithName("GetEvaluation")
            .WithSummary("The evaluation: panel, blind mode, what each evaluator has scored, the axes and the proposals; 404 while sealed");
        Owned(rfps.MapPut("/{rfpId:guid}/evaluation", SetPanel).RequireMember(null, leads)).Validate<SetEvaluationPanelRequest>().WithName("SetEvaluationPanel")
            .WithSummary("Assign the evaluators and set blind mode; starts the evaluation; 409 when it would undo a submitted scorecard");
        Owned(rfps.MapGet("/{rfpId:guid}/evaluation/scorecard", Scorecard).RequireMember(null, readers)).WithName("GetMyScorecard")
            .WithSummary("The caller's scorecard: the conforming proposals, the axes and the caller's scores; 403 unless assigned");
        Owned(rfps.MapPut("/{rfpId:guid}/evaluation/scorecard", SaveScore).RequireMember(null, readers)).Validate<SaveScoreRequest>().WithName("SaveScore")
            .WithSummary("Score one proposal on one axis (1-5, with a comment); 403 unless assigned; 409 once submitted");
        Owned(rfps.MapPost("/{rfpId:guid}/evaluation/scorecard/submit", SubmitScorecard).RequireMember(null, readers)).WithName("SubmitScorecard")
            .WithSummary("Submit the scorecard: 400 naming every missing score; final afterwards, and the others' scores become visible");
        Owned(rfps.MapGet("/{rfpId:guid}/evaluation/consensus", Consensus).RequireMember(null, readers)).WithName("GetConsensus")
            .WithSummary("Per proposal and axis: each submitted score, mean, spread, disagreement, the consensus; 403 for an evaluator who has not submitted");
        Owned(rfps.MapPut("/{rfpId:guid}/evaluation/consensus", RecordConsensus).RequireMember(null, leads)).Validate<RecordConsensusRequest>()
            .WithName("RecordConsensus").WithSummary("Record the consensus score of one proposal on one axis, with the reason");
        Owned(rfps.MapGet("/{rfpId:guid}/comparison", Compare).RequireMember(null, readers)).WithName("GetProposalComparison")
            .WithSummary("The proposals side by side: axis scores, weighted total and rank, KPI commitments, fees, the best per row");
        Owned(rfps.MapGet("/{rfpId:guid}/comparison/export", Export).RequireMember(null, leads)).WithName("ExportProposalComparison")
            .WithSummary("The comparison as a file: format=csv (UTF-8 with BOM) or xlsx (with the scores and flags); audited")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status200OK, contentType: ComparisonExport.XlsxType);
        return api;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    /// <summary>The evaluation's own refusal, for the checks this feature makes before the entity's (finished, a submitted evaluator).</summary>
    private static ProblemHttpResult Locked(string reason)
    {
        var refused = new EvaluationLockedException(reason);
        return ApiProblems.Conflict(TextCatalogue.Say(refused.Title), TextCatalogue.Say(refused.Detail));
    }

    public static string CostRule() => English
        ? "Cost is scored, not judged: 5 × (the lowest total cost of ownership among the conforming proposals ÷ this proposal's), at least 1. The cheapest scores 5, one twice as dear 2.5."
        : "費用は評価者ではなく計算で採点します：5 ×（要件を満たす提案の最安の総保有コスト ÷ この提案の総保有コスト）、最低 1 点。最安は 5 点、2 倍の費用なら 2.5 点です。";

    private static string AxisLabel(string code) => EvaluationAxes.All.FirstOrDefault(a => a.Code == code) is { Code: not null } axis
        ? English ? axis.En : axis.Ja
        : code;

    private static List<EvaluationAxisDto> Axes(IEnumerable<EvaluationAxisWeight> axes) => axes.Select(a => new EvaluationAxisDto(a.Code, AxisLabel(a.Code), a.Weight)).ToList();

    /// <summary>Everything an evaluation page needs that only exists once proposals are open; null while sealed.</summary>
    internal sealed record Opened(RfpListing Listing, RfpContent Rfp, List<(Proposal Proposal, ProposalVersion Version, ClientProposalSummaryDto Summary)> Proposals,
        EvaluationAccess Access)
    {
        /// <summary>The proposals evaluators score: those answering the RFP version in force.</summary>
        public List<EvaluatedProposalDto> Conforming => Proposals.Where(p => p.Summary.Conforms).OrderBy(p => p.Proposal.Id)
            .Select(p => new EvaluatedProposalDto(p.Proposal.Id, p.Summary.VendorName)).ToList();
    }

    private static async Task<Opened?> OpenAsync(MarketplaceDbContext db, CurrentActor actor, Guid rfpId, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ClientProposalEndpoints.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, rfp)) return null;
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        var proposals = await ClientProposalEndpoints.SubmittedAsync(db, listing, rfp, access.HidesNames, cancellationToken);
        return new Opened(listing, rfp, proposals, access);
    }

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Get(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return ClientProposalEndpoints.Sealed();
        if (!opened.Access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        return TypedResults.Ok(await EvaluationDtoAsync(db, opened, cancellationToken));
    }

    private static async Task<EvaluationDto> EvaluationDtoAsync(MarketplaceDbContext db, Opened opened, CancellationToken cancellationToken)
    {
        var rfpId = opened.Listing.RfpId;
        var status = await db.Rfps.AsNoTracking().Where(r => r.Id == rfpId).Select(r => r.Status).SingleAsync(cancellationToken);
        var scoredAxes = EvaluationRules.ScoredAxes(opened.Rfp);
        var conforming = opened.Conforming;
        var required = scoredAxes.Count * conforming.Count;
        var conformingIds = conforming.Select(p => p.Id).ToList();
        var axisCodes = scoredAxes.Select(a => a.Code).ToList();
        // Counts only, so that nobody learns anyone's scores from the panel (row-level security would hide them anyway).
        // An evaluator still scoring sees only their own count: row-level security hides the others' scores from them.
        var scored = await db.EvaluationScores.AsNoTracking()
            .Where(s => s.RfpId == rfpId && conformingIds.Contains(s.ProposalId) && axisCodes.Contains(s.Axis))
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var members = await (from m in db.Memberships.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.OrganisationId == opened.Listing.ClientOrganisationId
                             select new { m.UserId, m.Role, Email = u.Email ?? "" }).ToListAsync(cancellationToken);
        var emails = members.ToDictionary(m => m.UserId, m => m.Email);
        var evaluators = await db.RfpEvaluators.AsNoTracking().Where(e => e.RfpId == rfpId).OrderBy(e => e.AssignedAt).ToListAsync(cancellationToken);
        var access = opened.Access;
        var myRole = access is { Lead: true, Evaluator: true } ? "lead+evaluator" : access.Lead ? "lead" : "evaluator";
        return new EvaluationDto(status.ToString().ToLowerInvariant(), access.Blind,
            evaluators.Select(e => new EvaluatorDto(e.UserId, emails.GetValueOrDefault(e.UserId, ""), e.AssignedAt, e.SubmittedAt, scored.GetValueOrDefault(e.UserId), required)).ToList(),
            myRole, access.Me?.SubmittedAt is not null, Axes(scoredAxes), conforming,
            access.Lead
                ? members.Where(m => m.Role != OrganisationRoles.Viewer).OrderBy(m => m.Email)
                    .Select(m => new EvaluatorDto(m.UserId, m.Email, default, null, 0, required)).ToList()
                : [],
            CostRule());
    }

    public sealed class PanelValidator : AbstractValidator<SetEvaluationPanelRequest>
    {
        public PanelValidator() => RuleFor(x => x.EvaluatorUserIds).Must(ids => ids is { Length: > 0 and <= MaxEvaluators } && ids.Distinct().Count() == ids.Length)
            .WithMessage(_ => English ? $"Choose 1 to {MaxEvaluators} different evaluators." : $"評価者を 1〜{MaxEvaluators} 名（重複なし）選んでください。");
    }

    private static async Task<Results<Ok<EvaluationDto>, ValidationProblem, ProblemHttpResult>> SetPanel(Guid rfpId, SetEvaluationPanelRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await ClientProposalEndpoints.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, _)) return ClientProposalEndpoints.Sealed();
        var wanted = request.EvaluatorUserIds!;
        var eligible = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == listing.ClientOrganisationId && wanted.Contains(m.UserId) && m.Role != OrganisationRoles.Viewer)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        var errors = wanted.Select((id, i) => (id, i)).Where(x => !eligible.Contains(x.id)).ToDictionary(x => $"evaluatorUserIds[{x.i}]",
            _ => new[] { English ? "Not a member of this organisation who may evaluate (viewers may not)." : "評価できるこの組織のメンバーではありません（閲覧者は評価者にできません）。" });
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FinishedAsync(db, rfpId, cancellationToken)) return Locked("finished");
        var rfp = await Awarding.StartEvaluationAsync(db, rfpId, now, clock, cancellationToken);
        var evaluation = db.RfpEvaluations.Local.FirstOrDefault(e => e.RfpId == rfpId)
                         ?? await db.RfpEvaluations.FirstAsync(e => e.RfpId == rfpId, cancellationToken);
        var current = await db.RfpEvaluators.Where(e => e.RfpId == rfpId).ToListAsync(cancellationToken);
        if (current.Any(e => e.SubmittedAt is not null && !wanted.Contains(e.UserId))) return Locked("evaluatorSubmitted");
        evaluation.SetBlind(request.Blind, current.Any(e => e.SubmittedAt is not null), now);
        db.RfpEvaluators.RemoveRange(current.Where(e => !wanted.Contains(e.UserId))); // their unsubmitted scores go with them
        db.RfpEvaluators.AddRange(wanted.Where(id => current.All(e => e.UserId != id)).Select(id => new RfpEvaluator(rfpId, rfp.OrganisationId, id, now)));
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.EvaluationPanelSet, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { blind = request.Blind, evaluators = wanted }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await EvaluationDtoAsync(db, (await OpenAsync(db, actor, rfpId, clock, cancellationToken))!, cancellationToken));
    }

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult>> Scorecard(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return ClientProposalEndpoints.Sealed();
        if (opened.Access.Me is not { } me) return EvaluationAccess.NotAnEvaluator();
        var scores = await db.EvaluationScores.AsNoTracking().Where(s => s.RfpId == rfpId && s.UserId == me.UserId)
            .Select(s => new ScoreDto(s.ProposalId, s.Axis, s.Score, s.Comment)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ScorecardDto(opened.Conforming, Axes(EvaluationRules.ScoredAxes(opened.Rfp)), scores, me.SubmittedAt));
    }

    public sealed class ScoreValidator : AbstractValidator<SaveScoreRequest>
    {
        public ScoreValidator()
        {
            RuleFor(x => x.ProposalId).NotNull().WithMessage(_ => English ? "Choose the proposal." : "提案を選んでください。");
            RuleFor(x => x.Axis).NotEmpty().WithMessage(_ => English ? "Choose the evaluation axis." : "評価軸を選んでください。");
            RuleFor(x => x.Score).NotNull().InclusiveBetween(EvaluationRules.MinScore, EvaluationRules.MaxScore).WithMessage(_ => English
                ? $"Give a score from {EvaluationRules.MinScore} to {EvaluationRules.MaxScore}."
                : $"{EvaluationRules.MinScore}〜{EvaluationRules.MaxScore} の整数で採点してください。");
            RuleFor(x => x.Comment).MaxChars("evaluation.comment", EvaluationScore.CommentMaxLength);
        }
    }

    /// <summary>400 unless the proposal is one evaluators score and the axis one they score; null when both are.</summary>
    private static ValidationProblem? TargetProblem(Opened opened, Guid proposalId, string axis)
    {
        var errors = new Dictionary<string, string[]>();
        if (opened.Conforming.All(p => p.Id != proposalId))
            errors["proposalId"] = [English ? "Not a proposal of this evaluation (submitted and conforming)." : "この評価の対象（提出済みで要件を満たす提案）ではありません。"];
        if (EvaluationRules.ScoredAxes(opened.Rfp).All(a => a.Code != axis))
            errors["axis"] = [axis == EvaluationRules.CostAxis
                ? English ? "Cost is scored from the total cost, not by evaluators." : "費用は総保有コストから計算で採点されるため、評価者は採点しません。"
                : English ? "Not an evaluation axis of this RFP." : "この RFP の評価軸ではありません。"];
        return errors.Count > 0 ? ValidationRules.FieldProblem(errors) : null;
    }

    private static async Task<Results<Ok<ScoreDto>, ValidationProblem, ProblemHttpResult>> SaveScore(Guid rfpId, SaveScoreRequest request, CurrentActor actor,
        MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return ClientProposalEndpoints.Sealed();
        if (opened.Access.Me is not { } me) return EvaluationAccess.NotAnEvaluator();
        if (me.SubmittedAt is not null) return Locked("scorecardSubmitted");
        if (await FinishedAsync(db, rfpId, cancellationToken)) return Locked("finished");
        var (proposalId, axis) = (request.ProposalId!.Value, request.Axis!);
        if (TargetProblem(opened, proposalId, axis) is { } problem) return problem;
        var now = clock.GetUtcNow();
        var score = await db.EvaluationScores.FirstOrDefaultAsync(s => s.RfpId == rfpId && s.UserId == me.UserId && s.ProposalId == proposalId && s.Axis == axis,
            cancellationToken);
        if (score is null)
            db.EvaluationScores.Add(score = new EvaluationScore(rfpId, opened.Listing.ClientOrganisationId, me.UserId, proposalId, axis, request.Score!.Value, request.Comment, now));
        else score.Change(request.Score!.Value, request.Comment, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ScoreDto(score.ProposalId, score.Axis, score.Score, score.Comment));
    }

    private static Task<bool> FinishedAsync(MarketplaceDbContext db, Guid rfpId, CancellationToken cancellationToken) =>
        db.Rfps.AnyAsync(r => r.Id == rfpId && (r.Status == RfpStatus.Awarded || r.Status == RfpStatus.Cancelled), cancellationToken);

    private static async Task<Results<Ok<ScorecardDto>, ValidationProblem, ProblemHttpResult>> SubmitScorecard(Guid rfpId, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return ClientProposalEndpoints.Sealed();
        if (opened.Access.Me is null) return EvaluationAccess.NotAnEvaluator();
        if (await FinishedAsync(db, rfpId, cancellationToken)) return Locked("finished");
        var me = await db.RfpEvaluators.SingleAsync(e => e.RfpId == rfpId && e.UserId == opened.Access.Me.UserId, cancellationToken);
        var given = (await db.EvaluationScores.AsNoTracking().Where(s => s.RfpId == rfpId && s.UserId == me.UserId).Select(s => new { s.ProposalId, s.Axis })
            .ToListAsync(cancellationToken)).Select(s => (s.ProposalId, s.Axis)).ToHashSet();
        var missing = (from p in opened.Conforming
                       from a in EvaluationRules.ScoredAxes(opened.Rfp)
                       where !given.Contains((p.Id, a.Code))
                       select English ? $"{p.Label}: {AxisLabel(a.Code)}" : $"{p.Label}：{AxisLabel(a.Code)}").ToList();
        if (opened.Conforming.Count == 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["scores"] = [English ? "There is no conforming proposal to score." : "採点できる提案がありません。"] });
        if (missing.Count > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["scores"] = [English ? $"Score every proposal on every axis before submitting; {missing.Count} missing: {string.Join(", ", missing.Take(10))}"
                    : $"すべての提案をすべての評価軸で採点してから提出してください。未採点 {missing.Count} 件：{string.Join("、", missing.Take(10))}"],
            });
        me.Submit(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ScorecardSubmitted, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { scores = given.Count }), cancellationToken);
        var scores = await db.EvaluationScores.AsNoTracking().Where(s => s.RfpId == rfpId && s.UserId == me.UserId)
            .Select(s => new ScoreDto(s.ProposalId, s.Axis, s.Score, s.Comment)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ScorecardDto(opened.Conforming, Axes(EvaluationRules.ScoredAxes(opened.Rfp)), scores, me.SubmittedAt));
    }

    /// <summary>The scores of submitted scorecards only: a draft is its evaluator's alone.</summary>
    private static async Task<List<(Guid UserId, string Email, EvaluationScore Score)>> SubmittedScoresAsync(MarketplaceDbContext db, Guid rfpId,
        CancellationToken cancellationToken) =>
        (await (from s in db.EvaluationScores.AsNoTracking()
                join e in db.RfpEvaluators.AsNoTracking() on new { s.RfpId, s.UserId } equals new { e.RfpId, e.UserId }
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where s.RfpId == rfpId && e.SubmittedAt != null
                select new { s, Email = u.Email ?? "" }).ToListAsync(cancellationToken))
        .Select(x => (x.s.UserId, x.Email, x.s)).ToList();

    private static async Task<Results<Ok<ConsensusViewDto>, ProblemHttpResult>> Consensus(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return ClientProposalEndpoints.Sealed();
        if (!opened.Access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        var scores = await SubmittedScoresAsync(db, rfpId, cancellationToken);
        var evaluators = await db.RfpEvaluators.AsNoTracking().Where(e => e.RfpId == rfpId).ToListAsync(cancellationToken);
        var order = evaluators.OrderBy(e => e.AssignedAt).ThenBy(e => e.UserId).Select((e, i) => (e.UserId, i)).ToDictionary(x => x.UserId, x => x.i);
        var consensus = await db.ConsensusScores.AsNoTracking().Where(c => c.RfpId == rfpId).ToDictionaryAsync(c => (c.ProposalId, c.Axis), cancellationToken);
        var byCell = scores.ToLookup(s => (s.Score.ProposalId, s.Score.Axis));
        var axes = EvaluationRules.ScoredAxes(opened.Rfp);
        var cells = (from p in opened.Conforming
                     from a in axes
                     let given = byCell[(p.Id, a.Code)].OrderBy(s => order.GetValueOrDefault(s.UserId)).ToList()
                     let spread = ScoreSpread.Of(given.Select(s => s.Score.Score).ToList())
                     let agreed = consensus.GetValueOrDefault((p.Id, a.Code))
                     select new ConsensusCellDto(p.Id, a.Code,
                         given.Select(s => new EvaluatorScoreDto(s.UserId, s.Email, s.Score.Score, s.Score.Comment)).ToList(),
                         spread.Mean, spread.Spread, spread.Disagreement, agreed is null ? null : new ConsensusDto(agreed.Score, agreed.Reason, agreed.RecordedAt)))
            .ToList();
        return TypedResults.Ok(new ConsensusViewDto(opened.Conforming, Axes(axes), cells, evaluators.Count(e => e.SubmittedAt is not null), evaluators.Count,
            opened.Access.Lead));
    }

    public sealed class ConsensusValidator : AbstractValidator<RecordConsensusRequest>
    {
        public ConsensusValidator()
        {
            RuleFor(x => x.ProposalId).NotNull().WithMessage(_ => English ? "Choose the proposal." : "提案を選んでください。");
            RuleFor(x => x.Axis).NotEmpty().WithMessage(_ => English ? "Choose the evaluation axis." : "評価軸を選んでください。");
            RuleFor(x => x.Score).NotNull().InclusiveBetween(EvaluationRules.MinScore, EvaluationRules.MaxScore).WithMessage(_ => English
                ? $"Give a score from {EvaluationRules.MinScore} to {EvaluationRules.MaxScore}."
                : $"{EvaluationRules.MinScore}〜{EvaluationRules.MaxScore} の整数で採点してください。");
            RuleFor(x => x.Reason).Required("evaluation.reason").MaxChars("evaluation.reason", ConsensusScore.ReasonMaxLength);
        }
    }

    private static async Task<Results<Ok<ConsensusDto>, ValidationProblem, ProblemHttpResult>> RecordConsensus(Guid rfpId, RecordConsensusRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return ClientProposalEndpoints.Sealed();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        if (await FinishedAsync(db, rfpId, cancellationToken)) return Locked("finished");
        var (proposalId, axis) = (request.ProposalId!.Value, request.Axis!);
        if (TargetProblem(opened, proposalId, axis) is { } problem) return problem;
        if (!await db.RfpEvaluations.AnyAsync(e => e.RfpId == rfpId, cancellationToken))
            return ApiProblems.Conflict(English ? "Not possible now" : "この操作はできません",
                English ? "Assign the evaluators first." : "先に評価者を割り当ててください。");
        var now = clock.GetUtcNow();
        var userId = actor.RequireUserId();
        var consensus = await db.ConsensusScores.FirstOrDefaultAsync(c => c.RfpId == rfpId && c.ProposalId == proposalId && c.Axis == axis, cancellationToken);
        if (consensus is null)
            db.ConsensusScores.Add(consensus = new ConsensusScore(rfpId, opened.Listing.ClientOrganisationId, proposalId, axis, request.Score!.Value, request.Reason!, userId, now));
        else consensus.Change(request.Score!.Value, request.Reason!, userId, now);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ConsensusRecorded, "proposal", proposalId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId, axis, score = consensus.Score, reason = consensus.Reason }), cancellationToken);
        return TypedResults.Ok(new ConsensusDto(consensus.Score, consensus.Reason, consensus.RecordedAt));
    }

    /// <summary>The comparison of the opened proposals as the caller may see it (labels in blind mode); null while sealed.</summary>
    internal static async Task<(Opened Opened, Comparison Comparison, List<(Guid UserId, string Email, EvaluationScore Score)> Scores)?> ComparisonAsync(
        MarketplaceDbContext db, CurrentActor actor, Guid rfpId, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return null;
        var scores = opened.Access.MaySeeAllScores ? await SubmittedScoresAsync(db, rfpId, cancellationToken) : [];
        var consensus = opened.Access.MaySeeAllScores
            ? await db.ConsensusScores.AsNoTracking().Where(c => c.RfpId == rfpId).ToDictionaryAsync(c => (c.ProposalId, c.Axis), c => c.Score, cancellationToken)
            : [];
        var compared = opened.Proposals.OrderBy(p => p.Proposal.Id).Select(p => new ComparedProposal(p.Proposal.Id, p.Summary.VendorName, p.Summary.Conforms,
            p.Version.Content, p.Summary.Cost, p.Summary.Sensitivity,
            p.Summary.Flags.Select(f => new ProposalFlag(f.Code, f.Subject)).ToList())).ToList();
        var comparison = ProposalComparison.Build(opened.Rfp, compared, scores.Select(s => (s.Score.ProposalId, s.Score.Axis, s.Score.Score)).ToList(), consensus);
        return (opened, comparison, scores);
    }

    internal static ComparisonDto ToDto(Opened opened, Comparison comparison, int submittedScorecards)
    {
        var flags = opened.Proposals.ToDictionary(p => p.Proposal.Id, p => p.Summary.Flags);
        return new ComparisonDto(
            comparison.Columns.Select(c => new ComparisonColumnDto(c.ProposalId, c.Label, c.Conforms, c.Cost.TotalYen, c.Sensitivity, c.CostScore, c.Axes,
                c.WeightedScore, c.Rank, flags[c.ProposalId])).ToList(),
            comparison.Rows.Select(r => new ComparisonRowDto(r.Section, r.Key, English ? r.En : r.Ja, r.Unit, r.Better, r.Values, r.Best)).ToList(),
            Axes(opened.Rfp.EvaluationAxes.Where(a => a.Weight > 0)), CostRule(), submittedScorecards);
    }

    private static async Task<Results<Ok<ComparisonDto>, ProblemHttpResult>> Compare(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ComparisonAsync(db, actor, rfpId, clock, cancellationToken) is not var (opened, comparison, scores)) return ClientProposalEndpoints.Sealed();
        if (!opened.Access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        // The comparison shows what the proposals say (fees, commitments): a read of each, on the record like the list.
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalsCompared, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { proposals = opened.Proposals.Select(p => new { p.Proposal.Id, version = p.Version.Number }) }),
            cancellationToken);
        return TypedResults.Ok(ToDto(opened, comparison, scores.Select(s => s.UserId).Distinct().Count()));
    }

    private static async Task<IResult> Export(Guid rfpId, string? format, CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["format"] = [English ? "Choose csv or xlsx." : "形式は csv または xlsx を指定してください。"] });
        if (await ComparisonAsync(db, actor, rfpId, clock, cancellationToken) is not var (opened, comparison, scores)) return ClientProposalEndpoints.Sealed();
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        var dto = ToDto(opened, comparison, scores.Select(s => s.UserId).Distinct().Count());
        var name = $"proposal-comparison-{clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)):yyyyMMdd}";
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ComparisonExported, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { format, proposals = dto.Columns.Count }), cancellationToken);
        return format == "csv"
            ? TypedResults.File(ComparisonExport.Csv(dto), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(ComparisonExport.Xlsx(dto, scores.Select(s => (s.Email, s.Score)).ToList()), ComparisonExport.XlsxType, name + ".xlsx");
    }
}
