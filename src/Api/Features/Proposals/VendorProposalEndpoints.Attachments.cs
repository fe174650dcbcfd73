using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Proposals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// A proposal's attached documents, under the platform's upload rules (<see cref="EvidenceUploads"/>): added and
/// removed in the working copy while proposals are accepted; each submitted version records the files it carried.
/// </summary>
public static partial class VendorProposalEndpoints
{
    private static void MapAttachmentEndpoints(this RouteGroupBuilder group, string[] writers)
    {
        group.MapPost("/attachments", Attach).RequireMember(null, writers).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceUploads.RequestLimit)).WithName("AttachToProposal")
            .WithSummary("Attach a document as multipart/form-data field \"file\" (PDF, PNG or JPEG, at most 10 MB, 10 per proposal); 409 after the deadline");
        group.MapGet("/attachments/{attachmentId:guid}", DownloadAttachment).RequireMember(ApiScopes.ProposalsRead).WithName("DownloadMyProposalAttachment").ProducesFile()
            .WithSummary("One of this vendor's attached documents, as a download");
        group.MapDelete("/attachments/{attachmentId:guid}", Detach).RequireMember(null, writers).WithName("DetachFromProposal")
            .WithSummary("Take a document out of the working copy (a submitted version keeps it); 409 after the deadline");
    }

    private static ProblemHttpResult NoSuchAttachment() =>
        ApiProblems.NotFound(English ? "There is no such attachment on your proposal." : "提案にその添付資料はありません。");

    private static async Task<Results<Created<ProposalDto>, ValidationProblem, ProblemHttpResult>> Attach(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var (proposal, problem) = await MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetDatabaseNow();
        if (now >= DeadlineOf(listing)) return Closed(DeadlineOf(listing));
        if (proposal.Content.Attachments.Length >= ProposalAttachment.MaxPerProposal)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["file"] = [English ? $"At most {ProposalAttachment.MaxPerProposal} attachments; remove one first."
                    : $"添付資料は {ProposalAttachment.MaxPerProposal} 件までです。不要なものを外してください。"],
            });
        var (upload, unreadable) = await EvidenceUploads.ReadAsync(http.Request, "attachment", cancellationToken);
        if (upload is null) return unreadable!;
        var key = await upload.StoreAsync(storage, cancellationToken);
        var attachment = new ProposalAttachment(proposal, key, upload.FileName, upload.Kind.ContentType, upload.File.Length, now);
        try
        {
            proposal.Attach(attachment.Reference(), DeadlineOf(listing), now);
            db.ProposalAttachments.Add(attachment);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(proposal.VendorId, actor.AuditName, AuditActions.ProposalAttachmentAdded, "proposal", proposal.Id.ToString(),
                http.Connection.RemoteIpAddress?.ToString(), new { attachment.FileName, attachment.ContentType, attachment.Size }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None); // nothing saved (a refusal or a failure): no orphan file either
            throw;
        }
        return TypedResults.Created($"/api/v1/vendor/rfps/{rfpId}/proposal/attachments/{attachment.Id}",
            await ToDtoAsync(db, http, proposal, listing, rfp, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<IResult> DownloadAttachment(Guid rfpId, Guid attachmentId, CurrentActor actor, MarketplaceDbContext db, IFileStorage storage,
        CancellationToken cancellationToken)
    {
        var attachment = await db.ProposalAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.RfpId == rfpId && a.VendorId == actor.OrganisationId, cancellationToken);
        return attachment is null ? NoSuchAttachment()
            : await EvidenceUploads.ServeAsync(storage, attachment.FileKey, attachment.ContentType, attachment.FileName, cancellationToken) ?? NoSuchAttachment();
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Detach(Guid rfpId, Guid attachmentId, CurrentActor actor, MarketplaceDbContext db,
        IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var (proposal, problem) = await MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        if (proposal.Content.Attachments.All(a => a.Id != attachmentId)) return NoSuchAttachment();
        var now = clock.GetUtcNow();
        proposal.Detach(attachmentId, DeadlineOf(listing), now);
        // A submitted version that carried the file keeps it (versions are a record); otherwise the file goes.
        var keptByVersion = proposal.SubmittedVersion > 0 && await db.Database.SqlQuery<bool>($"""
                SELECT EXISTS (SELECT 1 FROM proposal_versions WHERE proposal_id = {proposal.Id}
                    AND content->'attachments' @> jsonb_build_array(jsonb_build_object('id', {attachmentId.ToString()}))) AS "Value"
                """).SingleAsync(cancellationToken);
        var attachment = keptByVersion ? null : await db.ProposalAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is not null) db.ProposalAttachments.Remove(attachment);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(proposal.VendorId, actor.AuditName, AuditActions.ProposalAttachmentRemoved, "proposal", proposal.Id.ToString(),
                http.Connection.RemoteIpAddress?.ToString(), new { attachmentId, keptByVersion }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (attachment is not null) await storage.DeleteAsync(attachment.FileKey, cancellationToken); // after the commit: never a row without its file
        return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }
}
