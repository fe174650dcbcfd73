using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;

namespace Marketplace.Api.Features.Awards;

/// <summary>
/// The award (decision 0016): procurement proposes one proposal with a reason once the RFP is in evaluation; a second
/// person with the owner or admin role approves it (稟議; never the proposer) or sends it back. Approval awards the
/// RFP, creates the contract from the winning proposal, and tells every vendor that proposed, through the outbox:
/// the winner (採択のお知らせ), the others (お見送りのご連絡). One file per operation.
/// </summary>
public static class AwardEndpoints
{
    public static RouteGroupBuilder MapAwardEndpoints(this RouteGroupBuilder api)
    {
        var rfps = api.MapClientRfps();
        var leads = EvaluationAccess.LeadRoles;
        var deciders = OrganisationRoles.Managers.ToArray();
        RouteHandlerBuilder Owned(RouteHandlerBuilder route) => route.RequireOwned<RouteHandlerBuilder, Rfp>("rfpId");
        Owned(rfps.MapGet("/{rfpId:guid}/award", GetAward.HandleAsync).RequireMember(null, leads)).WithName("GetAward")
            .WithSummary("The award waiting for a decision or approved, the earlier ones, and what the caller may do; 404 while proposals are sealed");
        Owned(rfps.MapPost("/{rfpId:guid}/award", ProposeAward.HandleAsync).RequireMember(null, leads)).Validate<ProposeAwardRequest>().WithName("ProposeAward")
            .WithSummary("Propose awarding a conforming proposal, with the reason; 409 unless the RFP is in evaluation and nothing is pending");
        Owned(rfps.MapPost("/{rfpId:guid}/award/approve", ApproveAward.HandleAsync).RequireMember(null, deciders)).Validate<DecideAwardRequest>().WithName("ApproveAward")
            .WithSummary("Approve the pending award (owner or admin, not its proposer: 403): awards the RFP, creates the contract, tells the vendors");
        Owned(rfps.MapPost("/{rfpId:guid}/award/reject", RejectAward.HandleAsync).RequireMember(null, deciders)).Validate<DecideAwardRequest>().WithName("RejectAward")
            .WithSummary("Send the pending award back with a comment; the RFP stays in evaluation");
        Owned(rfps.MapGet("/{rfpId:guid}/ocds", GetRfpOcdsReleasePackage.HandleAsync).RequireMember(ApiScopes.RfpsRead)).WithName("GetRfpOcdsReleasePackage")
            .WithSummary("The RFP as an OCDS 1.1 release package with the bid extension: the tender; the bids after the deadline; the award and contract once approved; 403 to a person a blind evaluation keeps vendor names from. download=true answers it as a file")
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json");
        return api;
    }
}
