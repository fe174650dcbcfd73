using Marketplace.Core.Proposals;

namespace Marketplace.Api.Shared;

/// <param name="Text">The flag in the reader's language (catalogue: proposal.flag.*).</param>
public sealed record ProposalFlagDto(string Code, string? Subject, string Text);

/// <param name="VendorId">Null when blind mode hides the vendors from the reader (an evaluator).</param>
/// <param name="VendorName">Or "提案 A", "Proposal A"... in blind mode.</param>
/// <param name="Conforms">Answers the RFP version in force (else it was not re-confirmed after an addendum).</param>
public sealed record ClientProposalSummaryDto(Guid Id, Guid? VendorId, string VendorName, int Version, int RfpVersion, bool Conforms, DateTimeOffset SubmittedAt,
    TotalCost Cost, CostSensitivity Sensitivity, IReadOnlyList<ProposalFlagDto> Flags);
