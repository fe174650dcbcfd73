using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Shared;

/// <summary>A submitted proposal as the client reads it: its latest submitted version, costed and flagged.</summary>
public sealed record SubmittedProposal(Proposal Proposal, ProposalVersion Version, ClientProposalSummaryDto Summary);

/// <summary>
/// The proposals to an RFP once they are open (the deadline has passed), as the proposal, evaluation and award
/// features read them; before that, nothing of them but their number (decision 0014).
/// </summary>
public static class OpenedProposals
{
    /// <summary>404 for anything about the proposals before the deadline (the evaluation and the award too).</summary>
    public static ProblemHttpResult Sealed() => ApiProblems.NotFound(TextCatalogue.Say("proposal.sealed"));

    /// <summary>The listing and version in force of an RFP whose proposals are open (deadline passed), else null.</summary>
    public static async Task<(RfpListing Listing, RfpContent Content)?> OpenedAsync(MarketplaceDbContext db, Guid rfpId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing?.ProposalDeadline is not { } deadline || now < deadline) return null;
        var content = await db.RfpVersions.AsNoTracking().Where(v => v.RfpId == rfpId && v.Number == listing.Version).Select(v => v.Content)
            .SingleAsync(cancellationToken);
        return (listing, content);
    }

    /// <summary>
    /// The submitted proposals (latest versions) with their costs and flags, cheapest first. With
    /// <paramref name="hideNames"/> each vendor is a letter in the order the proposals were started, which says nothing
    /// of who they are.
    /// </summary>
    public static async Task<List<SubmittedProposal>> SubmittedAsync(MarketplaceDbContext db, RfpListing listing, RfpContent rfp, bool hideNames,
        CancellationToken cancellationToken)
    {
        // Row-level security shows the client only submitted proposals, and only now that the deadline has passed.
        var rows = await (
                from p in db.Proposals.AsNoTracking()
                where p.RfpId == listing.RfpId && p.Status == ProposalStatus.Submitted
                join v in db.ProposalVersions.AsNoTracking() on new { p.Id, Number = p.SubmittedVersion } equals new { Id = v.ProposalId, v.Number }
                // The vendor's name is its organisation's, listed in search or not (domain.md: each party sees the others
                // by their organisation's name); the search entry only adds the certification dates, when there is one.
                join o in db.Organisations.AsNoTracking() on p.VendorId equals o.Id
                join e in db.VendorSearchEntries.AsNoTracking() on p.VendorId equals e.OrganisationId into entries
                from e in entries.DefaultIfEmpty()
                select new { p, v, o.Name, Certifications = e == null ? null : e.CertificationValidTo })
            .ToListAsync(cancellationToken);
        var codes = CertificationTypes.Codes;
        var letters = rows.Select(x => x.p.Id).Order().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => ProposalComparison.BlindLetter(x.i));
        return rows.Select(x =>
        {
            var validTo = (x.Certifications ?? []).Select((end, i) => (end, i)).Where(c => c.end is not null && c.i < codes.Count)
                .ToDictionary(c => codes[c.i], c => c.end!.Value);
            var flags = ProposalFlags.For(x.v.Content, x.v.RfpVersion, rfp, listing.Version, validTo);
            var summary = new ClientProposalSummaryDto(x.p.Id, hideNames ? null : x.p.VendorId,
                hideNames ? TextCatalogue.Say("proposal.blindLabel", new { letter = letters[x.p.Id] }) : x.Name, x.v.Number, x.v.RfpVersion,
                x.v.RfpVersion == listing.Version, x.v.ReceivedAt, TotalCostOfOwnership.Of(x.v.Content.Fees, rfp),
                TotalCostOfOwnership.Sensitivity(x.v.Content.Fees, rfp), flags.Select(f => new ProposalFlagDto(f.Code, f.Subject, f.Text.ToString())).ToList());
            return new SubmittedProposal(x.p, x.v, summary);
        }).OrderBy(x => x.Summary.Cost.TotalYen).ToList();
    }
}
