using Marketplace.Core.Texts;

namespace Marketplace.Core.Rfps;

/// <summary>An RFP (or an addendum's content) that breaks rules of <see cref="RfpPublishing.Problems"/>: all of them, by field (400).</summary>
public sealed class RfpNotReadyException(IReadOnlyList<RfpProblem> problems)
    : DomainException(Refusal.Invalid, Text.Of("common.checkTheFields"), problems[0].Text, problems[0].Field)
{
    public IReadOnlyList<RfpProblem> Problems { get; } = problems;

    public override IReadOnlyList<(string Field, Text Text)> Errors => Problems.Select(p => (p.Field, p.Text)).ToList();
}
