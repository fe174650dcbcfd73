using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>An RFP as this vendor sees it: the version in force, its changes, the shared answers (never who asked) and its documents.</summary>
public static class GetVendorRfp
{
    public static async Task<Results<Ok<VendorRfpDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var vendorId = actor.OrganisationId!.Value;
        var summary = (await VendorRfps.SummariesAsync(db, vendorId, rfpId, cancellationToken)).SingleOrDefault();
        if (summary is null) return VendorRfps.NoSuchRfp();
        var listing = await db.RfpListings.AsNoTracking().SingleAsync(l => l.RfpId == rfpId, cancellationToken);
        // Versions belong to the client; the vendor reads them through the listing it sees (row-level security).
        var versions = await VendorRfps.ClientRows(db.RfpVersions).AsNoTracking().Where(v => v.RfpId == rfpId)
            .OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var questions = await db.RfpQuestions.AsNoTracking().Where(q => q.RfpId == rfpId).OrderBy(q => q.AnsweredAt ?? q.AskedAt).ToListAsync(cancellationToken);
        // Row-level security shows a vendor only the askers that are itself.
        var mine = (await db.RfpQuestionAskers.AsNoTracking().Where(a => a.RfpId == rfpId && a.VendorId == vendorId).Select(a => a.QuestionId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var content = versions.Last().Content;
        return TypedResults.Ok(new VendorRfpDto(summary, content,
            content.EvaluationAxes.Where(a => EvaluationAxes.All.Any(x => x.Code == a.Code))
                .Select(a => new AxisWeightDto(a.Code, EvaluationAxes.Label(a.Code).ToString(), a.Weight)).ToList(),
            versions.Select(v => new RfpVersionDto(v.Number, v.ChangeSummary, v.PublishedAt)).ToList(),
            // Never who asked: only whether it was this vendor.
            questions.Select(q => new VendorQuestionDto(q.Id, q.Question, q.Answer, q.AskedAt, q.AnsweredAt, mine.Contains(q.Id))).ToList(),
            (await RfpAttachmentEndpoints.ListAsync(VendorRfps.ClientRows(db.RfpAttachments), rfpId, cancellationToken)).Select(RfpAttachmentDto.From).ToList(),
            listing.TakesQuestions(clock.GetUtcNow()), listing.CancellationReason));
    }
}
