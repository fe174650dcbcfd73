using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// Takes a document out of the working copy. A submitted version that carried it keeps it (versions are a record);
/// otherwise the file is deleted, after the commit, so that no row ever names a missing file.
/// </summary>
public static class DetachFromProposal
{
    public static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, Guid attachmentId, CurrentActor actor,
        MarketplaceDbContext db, IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VendorProposals.RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return VendorProposals.NoSuchRfp();
        var (proposal, problem) = await VendorProposals.MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        if (proposal.Content.Attachments.All(a => a.Id != attachmentId)) return ApiProblems.NotFound(TextCatalogue.Say("proposal.noSuchAttachmentOfMine"));
        var now = clock.GetUtcNow();
        proposal.Detach(attachmentId, VendorProposals.DeadlineOf(listing), now);
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
        return TypedResults.Ok(await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }
}
