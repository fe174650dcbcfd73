using Marketplace.Api.Infrastructure;
using Marketplace.Contracts;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <param name="AcknowledgeFindings">Publish although the disguised-contracting check found sentences to reword (recorded in the audit trail).</param>
public sealed record PublishRfpRequest(bool AcknowledgeFindings);

/// <summary>
/// Publishes a draft to vendors: the RFP's own rules refuse it with every problem at once, or over unacknowledged
/// findings (<see cref="Rfp.Publish(DateTimeOffset, bool)"/>); then it is listed, its deadline scheduled, matching started.
/// </summary>
public static class PublishRfp
{
    public static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, PublishRfpRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return RfpDrafts.NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var clientName = await db.Organisations.Where(o => o.Id == rfp.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (version, findings) = rfp.Publish(now, request.AcknowledgeFindings);
        db.RfpVersions.Add(version);
        db.RfpListings.Add(new RfpListing(rfp, clientName, now)); // from now on vendors may see it (all, or the invited)
        db.RfpDeadlines.Add(new RfpDeadline(rfp.Id, rfp.OrganisationId, rfp.Content.ProposalDeadline!.Value)); // the Workers close it then
        db.EnqueueMessage(new RfpPublished(rfp.Id, rfp.OrganisationId, version.Number, now), rfp.OrganisationId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpPublished, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new
            {
                rfp.Content.Title,
                version = version.Number,
                // Who published over which findings is what an auditor asks afterwards.
                acknowledgedFindings = findings.Select(f => new { f.RuleCode, f.Sentence }).ToList(),
            }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(RfpDto.From(db, http, rfp, now));
    }
}
