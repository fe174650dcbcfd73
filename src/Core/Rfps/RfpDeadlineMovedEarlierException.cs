using Marketplace.Core.Texts;

namespace Marketplace.Core.Rfps;

/// <summary>
/// A published RFP's deadline asked to move earlier: refused, because an earlier proposal deadline would open the
/// sealed proposals early (domain.md; the listing's trigger in PostgreSQL refuses the same).
/// </summary>
/// <param name="field">proposalDeadline or questionDeadline.</param>
public sealed class RfpDeadlineMovedEarlierException(string field, DateTimeOffset current) : DomainException(Refusal.Invalid,
    Text.Of("rfp.deadlines.title"), Text.Of("rfp.deadlines.onlyLater", new { current }), field)
{
    public DateTimeOffset Current { get; } = current;
}
