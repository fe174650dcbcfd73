using Marketplace.Core.Proposals;

namespace Marketplace.Api.Features.Proposals;

public sealed record ProposalVersionDto(int Number, int RfpVersion, DateTimeOffset ReceivedAt);

/// <summary>One thing that happened to the proposal, oldest first: each submission, each withdrawal and reopening.</summary>
/// <param name="Kind">submitted, withdrawn or reopened.</param>
/// <param name="Number">The submission's number (submitted only).</param>
/// <param name="RfpVersion">The RFP version it answered (submitted only).</param>
public sealed record ProposalEventDto(string Kind, DateTimeOffset At, int? Number, int? RfpVersion);

/// <param name="Code">What is missing (fees, kpi:{metric}, security:{question}, bcp, transitionPlan, team, exit).</param>
/// <param name="Label">The same in the reader's language.</param>
public sealed record MissingItemDto(string Code, string Label);

public sealed record SecurityQuestionDto(string Code, string Question)
{
    /// <summary>The questionnaire in the reader's language.</summary>
    public static List<SecurityQuestionDto> All() =>
        SecurityQuestionnaire.Questions.Select(code => new SecurityQuestionDto(code, SecurityQuestionnaire.Question(code).ToString())).ToList();
}

/// <param name="NeedsReconfirmation">Submitted against an earlier RFP version: re-confirm or revise before the deadline.</param>
/// <param name="Open">Proposals are accepted now (the RFP is published and the deadline has not passed).</param>
/// <param name="Cost">The total cost of the working copy over the RFP's term at its expected volumes.</param>
/// <param name="Revision">The proposal's revision (also its ETag): send it as If-Match with a change, which is refused (412) when the proposal has moved on.</param>
public sealed record ProposalDto(Guid Id, Guid RfpId, string Status, ProposalContent Content, int SubmittedVersion, int RfpVersion, int CurrentRfpVersion,
    bool NeedsReconfirmation, DateTimeOffset? SubmittedAt, DateTimeOffset Deadline, bool Open, IReadOnlyList<ProposalVersionDto> Versions,
    IReadOnlyList<ProposalEventDto> History, IReadOnlyList<MissingItemDto> Missing, TotalCost Cost, CostSensitivity Sensitivity,
    IReadOnlyList<SecurityQuestionDto> Questionnaire, DateTimeOffset UpdatedAt, string Revision);
