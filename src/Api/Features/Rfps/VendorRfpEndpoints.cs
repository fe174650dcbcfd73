using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;

namespace Marketplace.Api.Features.Rfps;

/// <summary>
/// The vendor's side of RFPs: the feed of RFPs it matched, was invited to or takes part in, each with why it matched;
/// an RFP's current version, its change history and the shared answers; taking part (参加表明) and asking questions
/// until the question deadline. What a vendor may see is row-level security's: an RFP it may not see is 404. One file
/// per operation.
/// </summary>
public static class VendorRfpEndpoints
{
    public static RouteGroupBuilder MapVendorRfpEndpoints(this RouteGroupBuilder api)
    {
        var takers = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Sales };
        var group = api.MapGroup("/vendor/rfps").WithTags("Vendor RFPs")
            .RequireOrganisationKind(OrganisationKind.Vendor, "vendorRfps.vendorsOnly");
        group.MapGet("/", GetVendorRfpFeed.HandleAsync).RequireMember(ApiScopes.RfpsRead).WithName("GetVendorRfpFeed")
            .WithSummary("RFPs this vendor matched, was invited to or takes part in, with why it matched; open ones first");
        group.MapGet("/{rfpId:guid}", GetVendorRfp.HandleAsync).RequireMember(ApiScopes.RfpsRead).WithName("GetVendorRfp")
            .WithSummary("The RFP's version in force, its changes and the shared answers; 404 when this vendor may not see it");
        group.MapGet("/{rfpId:guid}/attachments/{attachmentId:guid}", (Guid rfpId, Guid attachmentId, MarketplaceDbContext db, IFileStorage storage,
                CancellationToken cancellationToken) => RfpAttachmentEndpoints.ServeAsync(VendorRfps.ClientRows(db.RfpAttachments), rfpId, attachmentId, storage, cancellationToken))
            .RequireMember(ApiScopes.RfpsRead).WithName("DownloadVendorRfpAttachment").ProducesFile().WithSummary("An attached document of an RFP this vendor sees");
        group.MapPost("/{rfpId:guid}/participation", JoinRfp.HandleAsync).RequireMember(null, takers).WithName("JoinRfp")
            .WithSummary("Take part (参加表明): hear of answers, addenda and the deadline; 409 unless published");
        group.MapPost("/{rfpId:guid}/questions", AskRfpQuestion.HandleAsync).RequireMember(null, takers).RequireVisibleRfp().Validate<AskQuestionRequest>().Idempotent()
            .WithName("AskRfpQuestion").WithSummary("Ask a question (joins the RFP); 409 after the question deadline");
        return api;
    }
}
