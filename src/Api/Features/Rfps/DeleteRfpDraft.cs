using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>Deletes a draft and its attachments; a published RFP is cancelled instead (409).</summary>
public static class DeleteRfpDraft
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid rfpId, MarketplaceDbContext db, IFileStorage storage,
        CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return RfpDrafts.NoSuchRfp();
        rfp.EnsureDraft(RfpMove.Delete);
        var files = await db.RfpAttachments.Where(a => a.RfpId == rfpId).Select(a => a.FileKey).ToListAsync(cancellationToken);
        // One conditional statement: of two deletes at once (a double click) one removes the draft, the other finds it gone;
        // a draft published meanwhile is not deleted. The attachments' rows go with it (cascade).
        if (await db.Rfps.Where(r => r.Id == rfpId && r.Status == RfpStatus.Draft).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            var meanwhile = await db.Rfps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
            if (meanwhile is null) return RfpDrafts.NoSuchRfp();
            meanwhile.EnsureDraft(RfpMove.Delete); // published meanwhile: refused as above
            return RfpDrafts.NoSuchRfp();
        }
        foreach (var key in files) await storage.DeleteAsync(key, cancellationToken); // after the commit: never a row without its file
        return TypedResults.NoContent();
    }
}
