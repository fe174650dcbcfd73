using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Proposals;
using Marketplace.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <summary>A document the proposal's latest submitted version carries (not the vendor's working copy); the read is on the record.</summary>
public static class DownloadRfpProposalAttachment
{
    public static async Task<IResult> HandleAsync(Guid rfpId, Guid proposalId, Guid attachmentId, CurrentActor actor, MarketplaceDbContext db,
        IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedProposals.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, _)) return OpenedProposals.Sealed();
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        if (!access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        var carried = await (from p in db.Proposals.AsNoTracking()
                             where p.Id == proposalId && p.RfpId == rfpId && p.Status == ProposalStatus.Submitted
                             join v in db.ProposalVersions.AsNoTracking() on new { p.Id, Number = p.SubmittedVersion } equals new { Id = v.ProposalId, v.Number }
                             select v.Content).FirstOrDefaultAsync(cancellationToken);
        var attachment = carried?.Attachments.Any(a => a.Id == attachmentId) == true
            ? await db.ProposalAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ProposalId == proposalId, cancellationToken)
            : null;
        if (attachment is null) return ApiProblems.NotFound(TextCatalogue.Say("proposal.noSuchAttachment"));
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalAttachmentRead, "proposal",
            proposalId.ToString(), http.Connection.RemoteIpAddress?.ToString(), new { rfpId, attachmentId, attachment.FileName }), cancellationToken);
        return await EvidenceUploads.ServeAsync(storage, attachment.FileKey, attachment.ContentType, attachment.FileName, cancellationToken)
               ?? ApiProblems.NotFound(TextCatalogue.Say("common.fileMissing"));
    }
}
