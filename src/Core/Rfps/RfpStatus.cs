namespace Marketplace.Core.Rfps;

public enum RfpStatus { Draft, Published, Closed, Evaluating, Awarded, Cancelled }
