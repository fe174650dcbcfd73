namespace Marketplace.Core.Rfps;

/// <summary>
/// A published RFP's deadline asked to move earlier: refused, because an earlier proposal deadline would open the
/// sealed proposals early (domain.md; the listing's trigger in PostgreSQL refuses the same).
/// </summary>
/// <param name="Field">proposalDeadline or questionDeadline.</param>
public sealed class RfpDeadlineMovedEarlierException(string field, DateTimeOffset current)
    : InvalidOperationException($"The {field} of a published RFP only moves later (now {current:O}).")
{
    public string Field { get; } = field;
    public DateTimeOffset Current { get; } = current;
}
