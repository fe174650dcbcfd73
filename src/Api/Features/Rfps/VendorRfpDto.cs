using Marketplace.Core.Rfps;

namespace Marketplace.Api.Features.Rfps;

/// <param name="Score">The fit score when the RFP matched this vendor (null when it was only invited or joined).</param>
/// <param name="Reasons">Why it matched, in the reader's language.</param>
public sealed record VendorRfpSummaryDto(Guid RfpId, string Title, string ClientName, string Status, int Version, DateTimeOffset? QuestionDeadline,
    DateTimeOffset? ProposalDeadline, bool Invited, bool Participating, int? Score, IReadOnlyList<MatchReasonDto> Reasons);

/// <param name="Mine">This vendor asked it (then the question shows before it is answered).</param>
public sealed record VendorQuestionDto(Guid Id, string? Question, string? Answer, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt, bool Mine);

/// <param name="Content">The version in force.</param>
/// <param name="CanAsk">Questions are accepted now (published, before the question deadline).</param>
/// <param name="Weights">The evaluation axes with their labels in the reader's language and their weights.</param>
public sealed record VendorRfpDto(VendorRfpSummaryDto Summary, RfpContent Content, IReadOnlyList<AxisWeightDto> Weights, IReadOnlyList<RfpVersionDto> Versions,
    IReadOnlyList<VendorQuestionDto> Questions, IReadOnlyList<RfpAttachmentDto> Attachments, bool CanAsk, string? CancellationReason);

public sealed record AxisWeightDto(string Code, string Label, int Weight);
