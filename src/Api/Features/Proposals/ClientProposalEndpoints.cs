using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Integrations;
using Marketplace.Core.Rfps;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// The client's side of the proposals to its RFP. Before the deadline: their number only, and 404 for everything else
/// (row-level security would return nothing anyway; decision 0014). After it, procurement reads them: each read is in
/// the audit trail. Assigned evaluators read them too, by label only in blind mode (decision 0015). One file per operation.
/// </summary>
public static class ClientProposalEndpoints
{
    public static RouteGroupBuilder MapClientProposalEndpoints(this RouteGroupBuilder api)
    {
        var rfps = api.MapClientRfps();
        var readers = EvaluationAccess.ReaderRoles;
        rfps.MapGet("/{rfpId:guid}/proposals", ListRfpProposals.HandleAsync).RequireMember(null, readers).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("ListRfpProposals").WithSummary("The submitted proposals with their total cost and flags, once the deadline has passed; 404 while sealed");
        rfps.MapGet("/{rfpId:guid}/proposals/{proposalId:guid}", GetRfpProposal.HandleAsync).RequireMember(null, readers).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("GetRfpProposal").WithSummary("A submitted proposal as received (its latest version), once the deadline has passed; 404 while sealed");
        rfps.MapGet("/{rfpId:guid}/proposals/{proposalId:guid}/attachments/{attachmentId:guid}", DownloadRfpProposalAttachment.HandleAsync)
            .RequireMember(null, readers).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("DownloadRfpProposalAttachment").ProducesFile()
            .WithSummary("A document the proposal's latest version carries, as a download, once the deadline has passed; 404 while sealed");
        rfps.MapGet("/{rfpId:guid}/proposals/summary", GetRfpProposalsSummary.HandleAsync).RequireMember(ApiScopes.ProposalsRead)
            .RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("GetRfpProposalsSummary")
            .WithSummary("How many proposals were submitted and whether they are still sealed (before the deadline, never whose)");
        return api;
    }
}
