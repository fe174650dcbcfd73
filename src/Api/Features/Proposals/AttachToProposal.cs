using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Hosting;
using Marketplace.Core.Proposals;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// Attaches a document to the working copy under the platform's upload rules (<see cref="EvidenceUploads"/>); a file
/// whose save is refused or fails is deleted again, so storage never keeps an orphan.
/// </summary>
public static class AttachToProposal
{
    public static async Task<Results<Created<ProposalDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor,
        MarketplaceDbContext db, IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VendorProposals.RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return VendorProposals.NoSuchRfp();
        var (proposal, problem) = await VendorProposals.MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetDatabaseNow();
        var deadline = VendorProposals.DeadlineOf(listing);
        // Before the upload is read and stored: the proposal's own deadline rule would come after the file is written.
        if (now >= deadline) throw new ProposalDeadlinePassedException(deadline);
        if (proposal.Content.Attachments.Length >= ProposalAttachment.MaxPerProposal)
            return ValidationRules.FieldProblem("file", TextCatalogue.Say("proposal.tooManyAttachments", new { max = ProposalAttachment.MaxPerProposal }));
        var (upload, unreadable) = await EvidenceUploads.ReadAsync(http.Request, "attachment", cancellationToken);
        if (upload is null) return unreadable!;
        var key = await upload.StoreAsync(storage, cancellationToken);
        var attachment = new ProposalAttachment(proposal, key, upload.FileName, upload.Kind.ContentType, upload.File.Length, now);
        try
        {
            proposal.Attach(attachment.Reference(), deadline, now);
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
            await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, clock.GetUtcNow(), cancellationToken));
    }
}
