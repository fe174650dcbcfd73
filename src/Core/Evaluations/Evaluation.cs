using Marketplace.Core.Rfps;
using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Evaluations;

/// <summary>
/// The client's evaluation of an RFP's proposals, opened once the proposal deadline has passed: who evaluates, and
/// whether vendor names are hidden from them (blind mode). One per RFP, written by procurement.
/// </summary>
public sealed class RfpEvaluation : ITenantOwned
{
    private RfpEvaluation() { }

    public RfpEvaluation(Guid rfpId, Guid organisationId, DateTimeOffset now)
    {
        RfpId = rfpId;
        OrganisationId = organisationId;
        StartedAt = now;
        UpdatedAt = now;
    }

    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>Evaluators see "提案 A", "提案 B" instead of vendor names (procurement always sees the names).</summary>
    public bool Blind { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Blind mode changes only until the first scorecard is submitted: afterwards someone has scored knowing the names, or not.</summary>
    public void SetBlind(bool blind, bool anyScorecardSubmitted, DateTimeOffset now)
    {
        if (blind == Blind) return;
        if (anyScorecardSubmitted) throw new EvaluationLockedException("blindAfterSubmission");
        Blind = blind;
        UpdatedAt = now;
    }
}

/// <summary>A member assigned to score an RFP's proposals. Their scores stay their own until they submit them.</summary>
public sealed class RfpEvaluator : ITenantOwned
{
    private RfpEvaluator() { }

    public RfpEvaluator(Guid rfpId, Guid organisationId, Guid userId, DateTimeOffset now)
    {
        RfpId = rfpId;
        OrganisationId = organisationId;
        UserId = userId;
        AssignedAt = now;
    }

    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>When the evaluator submitted the scorecard: final from then on, and the others' scores become visible to them.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public void Submit(DateTimeOffset now)
    {
        if (SubmittedAt is not null) throw new EvaluationLockedException("scorecardSubmitted");
        SubmittedAt = now;
    }
}

/// <summary>One evaluator's score (1-5) of one proposal on one evaluation axis, with a comment.</summary>
public sealed class EvaluationScore : ITenantOwned
{
    public const int CommentMaxLength = 2000;

    private EvaluationScore() { }

    public EvaluationScore(Guid rfpId, Guid organisationId, Guid userId, Guid proposalId, string axis, int score, string? comment, DateTimeOffset now)
    {
        RfpId = rfpId;
        OrganisationId = organisationId;
        UserId = userId;
        ProposalId = proposalId;
        Axis = axis;
        Change(score, comment, now);
    }

    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid ProposalId { get; private set; }
    public string Axis { get; private set; } = "";
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(int score, string? comment, DateTimeOffset now)
    {
        Score = score;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        UpdatedAt = now;
    }
}

/// <summary>The score procurement settles on for one proposal and axis after reading the evaluators' scores, with the reason.</summary>
public sealed class ConsensusScore : ITenantOwned
{
    public const int ReasonMaxLength = 2000;

    private ConsensusScore() { }

    public ConsensusScore(Guid rfpId, Guid organisationId, Guid proposalId, string axis, int score, string reason, Guid recordedBy, DateTimeOffset now)
    {
        RfpId = rfpId;
        OrganisationId = organisationId;
        ProposalId = proposalId;
        Axis = axis;
        Change(score, reason, recordedBy, now);
    }

    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ProposalId { get; private set; }
    public string Axis { get; private set; } = "";
    public int Score { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public void Change(int score, string reason, Guid recordedBy, DateTimeOffset now)
    {
        Score = score;
        Reason = reason.Trim();
        RecordedBy = recordedBy;
        RecordedAt = now;
    }
}

/// <summary>The rules of scoring, in one place (decision 0015).</summary>
public static class EvaluationRules
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    /// <summary>Evaluators' scores of one axis this far apart (max - min) are a disagreement to talk through.</summary>
    public const int DisagreementSpread = 2;
    /// <summary>The axis scored from the total cost by <see cref="CostScore"/>, not by evaluators.</summary>
    public const string CostAxis = "cost";

    /// <summary>The axes evaluators score: every axis the RFP weighs, but cost.</summary>
    public static IReadOnlyList<EvaluationAxisWeight> ScoredAxes(RfpContent rfp) =>
        rfp.EvaluationAxes.Where(a => a.Weight > 0 && a.Code != CostAxis).ToList();

    /// <summary>
    /// Cost as a score: 5 × (the lowest total cost of ownership among the conforming proposals ÷ this one's), at
    /// least 1, two decimals. The cheapest scores 5, one twice as dear 2.5, five times as dear or more 1. Proportional,
    /// so a small difference in price is a small difference in score. When the lowest total is 0 every proposal at 0
    /// scores 5 and the others 1.
    /// </summary>
    public static decimal CostScore(long totalYen, long lowestTotalYen)
    {
        if (totalYen <= 0) return MaxScore;
        if (lowestTotalYen <= 0) return MinScore;
        var score = MaxScore * (decimal)lowestTotalYen / totalYen;
        return Math.Round(Math.Clamp(score, MinScore, MaxScore), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The weighted total out of 100: Σ(weight × score) ÷ Σ weight, scaled from 1-5 to 20-100; null while an axis is unscored.</summary>
    public static decimal? WeightedScore(IReadOnlyList<(int Weight, decimal? Score)> axes)
    {
        var weighed = axes.Where(a => a.Weight > 0).ToList();
        if (weighed.Count == 0 || weighed.Any(a => a.Score is null)) return null;
        var mean = weighed.Sum(a => a.Weight * a.Score!.Value) / weighed.Sum(a => a.Weight);
        return Math.Round(mean * 100 / MaxScore, 1, MidpointRounding.AwayFromZero);
    }
}

/// <param name="Spread">Highest less lowest score.</param>
/// <param name="Disagreement">The spread is <see cref="EvaluationRules.DisagreementSpread"/> or more.</param>
public sealed record ScoreSpread(decimal? Mean, int Spread, bool Disagreement)
{
    public static ScoreSpread Of(IReadOnlyCollection<int> scores) => scores.Count == 0
        ? new(null, 0, false)
        : new(Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero), scores.Max() - scores.Min(),
            scores.Max() - scores.Min() >= EvaluationRules.DisagreementSpread);
}
