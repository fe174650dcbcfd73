using Marketplace.Core.Texts;

namespace Marketplace.Core.Evaluations;

/// <summary>A move the evaluation does not allow (answered 409): a submitted scorecard changed, the panel changed after scoring.</summary>
/// <param name="reason">scorecardSubmitted, blindAfterSubmission, evaluatorSubmitted or finished (catalogue: evaluation.locked.*).</param>
public sealed class EvaluationLockedException(string reason)
    : DomainException(Refusal.Conflict, Text.Of("common.notPossibleNow"), Text.Of($"evaluation.locked.{reason}"))
{
    public static readonly IReadOnlyList<string> Reasons = ["scorecardSubmitted", "blindAfterSubmission", "evaluatorSubmitted", "finished"];

    public string Reason { get; } = reason;
}
