namespace Marketplace.Core.Proposals;

/// <summary>The moves of a proposal's life cycle, as a refusal names them.</summary>
public enum ProposalMove { Edit, Submit, Withdraw, Reopen }
