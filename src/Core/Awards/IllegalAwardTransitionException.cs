using Marketplace.Core.Texts;

namespace Marketplace.Core.Awards;

/// <summary>A move the award does not allow (answered 409): deciding one that was already decided.</summary>
public sealed class IllegalAwardTransitionException(AwardStatus from)
    : DomainException(Refusal.Conflict, Text.Of("common.notPossibleNow"), Text.Of("award.alreadyDecided"))
{
    public AwardStatus From { get; } = from;
}
