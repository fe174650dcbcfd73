namespace Marketplace.Core.Proposals;

public enum ProposalStatus { Draft, Submitted, Withdrawn }
