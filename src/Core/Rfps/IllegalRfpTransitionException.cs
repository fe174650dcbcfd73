using Marketplace.Core.Texts;

namespace Marketplace.Core.Rfps;

/// <summary>A move the life cycle does not allow (answered 409).</summary>
public sealed class IllegalRfpTransitionException(RfpStatus from, RfpMove move) : DomainException(Refusal.Conflict,
    Text.Of("common.notPossibleInThisState"), Text.Of($"rfp.refused.{Codes.Of(move)}", new { status = Text.Of($"rfp.status.{Codes.Of(from)}") }))
{
    public RfpStatus From { get; } = from;
    public RfpMove Move { get; } = move;
}
