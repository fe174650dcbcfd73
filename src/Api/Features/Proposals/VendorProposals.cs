using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <summary>What the vendor's proposal operations share: the RFP as this vendor sees it, its own proposal, the answer.</summary>
internal static class VendorProposals
{
    public static ProblemHttpResult NoSuchRfp() => ApiProblems.NotFound(TextCatalogue.Say("proposal.noSuchRfp"));

    public static ProblemHttpResult NoProposal() => ApiProblems.NotFound(TextCatalogue.Say("proposal.none"));

    /// <summary>The listing (what this vendor may see of the RFP) and its version in force; null when it may not see it.</summary>
    public static async Task<(RfpListing Listing, RfpContent Content)?> RfpAsync(MarketplaceDbContext db, Guid rfpId, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing is null) return null;
        // The client's version row, read through the listing this vendor sees (row-level security).
        var content = await db.RfpVersions.IgnoreQueryFilters([MarketplaceDbContext.TenantFilter]).AsNoTracking()
            .Where(v => v.RfpId == rfpId && v.Number == listing.Version).Select(v => v.Content).SingleAsync(cancellationToken);
        return (listing, content);
    }

    public static DateTimeOffset DeadlineOf(RfpListing listing) => listing.ProposalDeadline ?? DateTimeOffset.MinValue;

    /// <summary>
    /// Refuses (409 naming the deadline) unless the RFP takes proposals now: checked before work the proposal's own
    /// deadline rule would come too late for (a quota taken, a file stored), and for a listing that is no longer published.
    /// </summary>
    public static void EnsureTakesProposals(RfpListing listing, DateTimeOffset now)
    {
        if (!listing.TakesProposals(now)) throw new ProposalDeadlinePassedException(DeadlineOf(listing));
    }

    /// <summary>This vendor's proposal to the RFP, tracked for a change.</summary>
    public static Task<Proposal?> MineAsync(MarketplaceDbContext db, Guid rfpId, Guid vendorId, CancellationToken cancellationToken) =>
        db.Proposals.FirstOrDefaultAsync(p => p.RfpId == rfpId && p.VendorId == vendorId, cancellationToken);

    /// <summary>This vendor's proposal, to change: 404 when there is none, 412 when the request's If-Match names an older revision.</summary>
    public static async Task<(Proposal? Proposal, ProblemHttpResult? Problem)> MineToChangeAsync(MarketplaceDbContext db, HttpContext http, Guid rfpId,
        Guid vendorId, CancellationToken cancellationToken)
    {
        var proposal = await MineAsync(db, rfpId, vendorId, cancellationToken);
        if (proposal is null) return (null, NoProposal());
        return Revisions.Mismatch(http, db.Entry(proposal)) is { } stale ? (null, stale) : (proposal, null);
    }

    /// <summary>The proposal as its vendor reads it, for a tracked (or just saved) <paramref name="proposal"/>; the answer carries its revision as the ETag.</summary>
    public static async Task<ProposalDto> ToDtoAsync(MarketplaceDbContext db, HttpContext http, Proposal proposal, RfpListing listing, RfpContent rfp,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = db.Entry(proposal);
        Revisions.Tag(http, entry);
        var versions = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == proposal.Id).OrderBy(v => v.Number)
            .Select(v => new ProposalVersionDto(v.Number, v.RfpVersion, v.ReceivedAt)).ToListAsync(cancellationToken);
        // Withdrawals and reopenings live in the audit trail (the proposal keeps only its current state).
        var id = proposal.Id.ToString();
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganisationId == proposal.VendorId && a.ObjectType == "proposal" && a.ObjectId == id
                        && (a.Action == AuditActions.ProposalWithdrawn || a.Action == AuditActions.ProposalReopened))
            .Select(a => new { a.Action, a.OccurredAt }).ToListAsync(cancellationToken);
        var history = versions.Select(v => new ProposalEventDto("submitted", v.ReceivedAt, v.Number, v.RfpVersion))
            .Concat(changes.Select(c => new ProposalEventDto(c.Action == AuditActions.ProposalWithdrawn ? "withdrawn" : "reopened", c.OccurredAt, null, null)))
            .OrderBy(e => e.At).ToList();
        return new ProposalDto(proposal.Id, proposal.RfpId, proposal.Status.ToString().ToLowerInvariant(), proposal.Content, proposal.SubmittedVersion,
            proposal.RfpVersion, listing.Version, proposal.Status == ProposalStatus.Submitted && !proposal.Conforms(listing.Version), proposal.SubmittedAt,
            DeadlineOf(listing), listing.TakesProposals(now), versions, history,
            proposal.Content.MissingFor(rfp).Select(code => new MissingItemDto(code, ProposalContent.MissingLabel(code).ToString())).ToList(),
            TotalCostOfOwnership.Of(proposal.Content.Fees, rfp), TotalCostOfOwnership.Sensitivity(proposal.Content.Fees, rfp),
            SecurityQuestionDto.All(), proposal.UpdatedAt, Revisions.Of(entry));
    }

    /// <summary>A change of state by the proposal's own method (withdraw, reopen), audited.</summary>
    public static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> ChangeAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, string auditAction, Action<Proposal, DateTimeOffset, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var (proposal, problem) = await MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetUtcNow();
        change(proposal, DeadlineOf(listing), now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(proposal.VendorId, actor.AuditName, auditAction, "proposal", proposal.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }
}
