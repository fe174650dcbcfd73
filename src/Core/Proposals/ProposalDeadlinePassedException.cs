using Marketplace.Core.Texts;

namespace Marketplace.Core.Proposals;

/// <summary>Proposals are no longer accepted: the deadline passed (answered 409 with the deadline).</summary>
public sealed class ProposalDeadlinePassedException(DateTimeOffset deadline)
    : DomainException(Refusal.Conflict, Text.Of("proposal.closed.title"), Text.Of("proposal.closed", new { deadline }))
{
    public DateTimeOffset Deadline { get; } = deadline;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["deadline"] = Deadline };
}
