using Marketplace.Api.Infrastructure;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// The vendor's side of a proposal to an RFP it sees: start one (prefilled from the profile: fees and the security
/// answers of its answer library), save the working copy as it types, attach documents, submit (every submission kept
/// with its receipt time; again after an addendum to re-confirm), withdraw and reopen. Nothing after the deadline (409
/// naming it). The client cannot read any of it before the deadline (row-level security; decision 0014). One file per
/// operation.
/// </summary>
public static class VendorProposalEndpoints
{
    public static RouteGroupBuilder MapVendorProposalEndpoints(this RouteGroupBuilder api)
    {
        var writers = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Sales };
        var group = api.MapGroup("/vendor/rfps/{rfpId:guid}/proposal").WithTags("Vendor proposals")
            .RequireOrganisationKind(OrganisationKind.Vendor, "proposals.vendorsOnly");
        group.MapGet("/", GetMyProposal.HandleAsync).RequireMember(ApiScopes.ProposalsRead).WithName("GetMyProposal")
            .WithSummary("This vendor's proposal to the RFP, with its submitted versions, what is missing and its total cost; 404 when there is none");
        group.MapPost("/", StartProposal.HandleAsync).RequireMember(null, writers).WithName("StartProposal")
            .WithSummary("Start a proposal, prefilled from the vendor profile; 409 when one exists or proposals are closed");
        group.MapPut("/", SaveProposal.HandleAsync).RequireMember(null, writers).Validate<ProposalContent>().WithName("SaveProposal").HonoursIfMatch()
            .WithSummary("Save the working copy (a submitted proposal stays submitted until submitted again); 409 after the deadline");
        group.MapPost("/submit", SubmitProposal.HandleAsync).RequireMember(null, writers).WithName("SubmitProposal").HonoursIfMatch()
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Submit, revise or re-confirm: a new version with its receipt time; 400 listing what is missing, 402 beyond the plan's monthly quota (a first submission), 409 after the deadline");
        group.MapPost("/withdraw", WithdrawProposal.HandleAsync).RequireMember(null, writers).WithName("WithdrawProposal").HonoursIfMatch()
            .WithSummary("Withdraw the submitted proposal; 409 after the deadline");
        group.MapPost("/reopen", ReopenProposal.HandleAsync).RequireMember(null, writers).WithName("ReopenProposal").HonoursIfMatch()
            .WithSummary("Make a withdrawn proposal a draft again");
        group.MapPost("/attachments", AttachToProposal.HandleAsync).RequireMember(null, writers).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceUploads.RequestLimit)).WithName("AttachToProposal")
            .WithSummary("Attach a document as multipart/form-data field \"file\" (PDF, PNG or JPEG, at most 10 MB, 10 per proposal); 409 after the deadline");
        group.MapGet("/attachments/{attachmentId:guid}", DownloadMyProposalAttachment.HandleAsync).RequireMember(ApiScopes.ProposalsRead)
            .WithName("DownloadMyProposalAttachment").ProducesFile().WithSummary("One of this vendor's attached documents, as a download");
        group.MapDelete("/attachments/{attachmentId:guid}", DetachFromProposal.HandleAsync).RequireMember(null, writers).WithName("DetachFromProposal")
            .WithSummary("Take a document out of the working copy (a submitted version keeps it); 409 after the deadline");
        return api;
    }
}
