using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <summary>One of this vendor's attached documents, as a download (its own only: the row's vendor is the caller).</summary>
public static class DownloadMyProposalAttachment
{
    public static async Task<IResult> HandleAsync(Guid rfpId, Guid attachmentId, CurrentActor actor, MarketplaceDbContext db, IFileStorage storage,
        CancellationToken cancellationToken)
    {
        var attachment = await db.ProposalAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.RfpId == rfpId && a.VendorId == actor.OrganisationId, cancellationToken);
        return attachment is null ? NoSuchAttachment()
            : await EvidenceUploads.ServeAsync(storage, attachment.FileKey, attachment.ContentType, attachment.FileName, cancellationToken) ?? NoSuchAttachment();
    }

    internal static IResult NoSuchAttachment() => ApiProblems.NotFound(TextCatalogue.Say("proposal.noSuchAttachmentOfMine"));
}
