using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

public static class GetRfpOcdsReleasePackage
{
    /// <summary>
    /// The RFP as OCDS (decision 0016). A draft has nothing to release (404). Before the deadline the release carries the
    /// tender only: the bids are sealed like everything else about the proposals.
    /// </summary>
    public static async Task<IResult> HandleAsync(Guid rfpId, bool? download, CurrentActor actor, MarketplaceDbContext db, HttpContext http, IConfiguration configuration,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (rfp.Status == RfpStatus.Draft || listing is null)
            return ApiProblems.NotFound(TextCatalogue.Say("award.ocds.draft"));
        if (await EvaluationAccess.HidesNamesFromAsync(db, actor, rfpId, cancellationToken)) return EvaluationAccess.NamesHidden();
        var bids = new List<OcdsBid>();
        (RfpAward, Contract)? awarded = null;
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is var (opened, content))
        {
            bids = (await OpenedProposals.SubmittedAsync(db, opened, content, hideNames: false, cancellationToken))
                .Select(p => new OcdsBid(p.Proposal.Id, p.Proposal.VendorId, p.Summary.VendorName, p.Version.ReceivedAt, p.Summary.Conforms, p.Summary.Cost.TotalYen))
                .OrderBy(b => b.ReceivedAt).ToList();
            var award = await db.RfpAwards.AsNoTracking().FirstOrDefaultAsync(a => a.RfpId == rfpId && a.Status == AwardStatus.Approved, cancellationToken);
            var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.RfpId == rfpId, cancellationToken);
            if (award is not null && contract is not null) awarded = (award, contract);
        }
        var input = new OcdsInput(rfpId, rfp.Content, rfp.Status, rfp.Version, rfp.PublishedAt!.Value, rfp.UpdatedAt, rfp.OrganisationId, listing.ClientName, bids, awarded);
        var uri = $"{http.Request.Scheme}://{http.Request.Host}/api/v1/rfps/{rfpId}/ocds";
        var package = OcdsRelease.Package(input, uri, configuration["Ocds:OcidPrefix"] ?? OcdsRelease.DefaultOcidPrefix, now);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.OcdsExported, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { bids = bids.Count, awarded = awarded is not null }), cancellationToken);
        var json = package.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = download == true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        });
        return download == true
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"ocds-{rfpId}.json")
            : TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
    }
}
