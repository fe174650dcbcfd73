using Marketplace.Api.Infrastructure;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;

namespace Marketplace.Api.Features.Rfps;

/// <summary>
/// A client's RFPs: drafts saved as the user types, copied, started from work-inventory tasks; published once every
/// rule holds (all problems listed at once) and, when the text reads like directing the vendor's staff (偽装請負),
/// only with an acknowledgement that goes to the audit trail; cancelled with a reason. Moves the life cycle does not
/// allow answer 409. Private to the client organisation until published to vendors (matching). One file per operation.
/// </summary>
public static class RfpEndpoints
{
    public static readonly string[] Editors = [OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Procurement];

    public static RouteGroupBuilder MapRfpEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapClientRfps();
        group.MapGet("/", ListRfps.HandleAsync).RequireMember(ApiScopes.RfpsRead).WithName("ListRfps").WithSummary("The organisation's RFPs, latest change first");
        group.MapGet("/vocabulary", GetRfpVocabulary.Handle).RequireMember(ApiScopes.RfpsRead).WithName("GetRfpVocabulary")
            .WithSummary("The readiness checklist and the evaluation axes, in the reader's language");
        group.MapPost("/", CreateRfp.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).Idempotent().WithName("CreateRfp")
            .WithSummary("Start a draft: empty, from a template, or from work-inventory tasks");
        group.MapGet("/templates", ListRfpTemplates.HandleAsync).RequireMember(ApiScopes.RfpsRead).WithName("ListRfpTemplates").WithSummary("The organisation's RFP templates");
        group.MapPost("/{rfpId:guid}/template", SaveRfpAsTemplate.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<SaveTemplateRequest>().Idempotent().WithName("SaveRfpAsTemplate").WithSummary("Save the RFP's content, without its dates, as a named template");
        group.MapDelete("/templates/{templateId:guid}", DeleteRfpTemplate.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).WithName("DeleteRfpTemplate")
            .WithSummary("Delete a template");
        group.MapGet("/{rfpId:guid}", GetRfp.HandleAsync).RequireMember(ApiScopes.RfpsRead).WithName("GetRfp")
            .WithSummary("An RFP with what stops publishing, the disguised-contracting findings and the open readiness items");
        group.MapPut("/{rfpId:guid}", SaveRfpDraft.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<RfpContent>().WithName("SaveRfpDraft").HonoursIfMatch().WithSummary("Save the draft's content (whole); 409 once published");
        group.MapPost("/{rfpId:guid}/copy", CopyRfp.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).Idempotent().WithName("CopyRfp")
            .WithSummary("A new draft with the same content, deadlines cleared");
        group.MapPost("/{rfpId:guid}/publish", PublishRfp.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("PublishRfp").HonoursIfMatch()
            .WithSummary("Publish: 400 lists every problem; findings need acknowledgeFindings (audited); 409 unless a draft");
        group.MapPost("/{rfpId:guid}/cancel", CancelRfp.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<CancelRfpRequest>().WithName("CancelRfp").HonoursIfMatch()
            .WithSummary("Cancel a published RFP with a reason for the participants; 409 for a draft or a finished RFP");
        group.MapPost("/{rfpId:guid}/addenda", PublishRfpAddendum.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<PublishAddendumRequest>().WithName("PublishRfpAddendum").HonoursIfMatch()
            .WithSummary("Change a published RFP: a new version with a change summary; participants are told and vendors matched again; 409 unless published");
        group.MapGet("/{rfpId:guid}/matches", GetRfpMatches.HandleAsync).RequireMember(ApiScopes.RfpsRead).WithName("GetRfpMatches")
            .WithSummary("A page of the vendors the published RFP matched (offset, limit 1-100, default 20), best fit first, each with its score and reasons, and how many matched in all");
        group.MapGet("/{rfpId:guid}/activity", GetRfpActivity.HandleAsync).RequireMember(ApiScopes.RfpsRead).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("GetRfpActivity").WithSummary("A published RFP's participants (a count), invitations, questions and versions");
        group.MapPost("/{rfpId:guid}/invitations", InviteVendors.HandleAsync).RequireMember(null, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<InviteVendorsRequest>().WithName("InviteVendors")
            .WithSummary("Invite vendors (the only ones who see an invite-only RFP); each is told once; 409 unless published");
        group.MapPost("/{rfpId:guid}/questions/{questionId:guid}/answer", AnswerRfpQuestion.HandleAsync).RequireMember(null, Editors)
            .RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").Validate<AnswerQuestionRequest>().WithName("AnswerRfpQuestion")
            .WithSummary("Answer a vendor's question; the answer goes to every participant, without the asker's name; 409 unless published");
        group.MapPost("/{rfpId:guid}/clarifications", PublishRfpClarification.HandleAsync).RequireMember(null, Editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<ClarificationRequest>().Idempotent().WithName("PublishRfpClarification")
            .WithSummary("Publish a clarification to every participant; 409 unless published");
        group.MapRfpAttachmentEndpoints(Editors);
        group.MapDelete("/{rfpId:guid}", DeleteRfpDraft.HandleAsync).RequireMember(ApiScopes.RfpsWrite, Editors).WithName("DeleteRfpDraft").WithSummary("Delete a draft; 409 once published");
        return api;
    }
}
