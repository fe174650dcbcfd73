using Marketplace.Core.Texts;

namespace Marketplace.Core.Proposals;

/// <summary>A move the proposal's life cycle does not allow (answered 409).</summary>
public sealed class IllegalProposalTransitionException(ProposalStatus from, ProposalMove move)
    : DomainException(Refusal.Conflict, Text.Of("common.notPossibleNow"), Text.Of(CodeFor(from, move)))
{
    public ProposalStatus From { get; } = from;
    public ProposalMove Move { get; } = move;

    // A withdrawn proposal is reopened before anything else; otherwise the move says what it needs.
    private static string CodeFor(ProposalStatus from, ProposalMove move) =>
        from == ProposalStatus.Withdrawn && move is ProposalMove.Edit or ProposalMove.Submit ? "proposal.refused.withdrawn" : $"proposal.refused.{Codes.Of(move)}";
}
