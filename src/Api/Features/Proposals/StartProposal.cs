using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// Starts the vendor's one proposal to an RFP, prefilled from its profile: the fees, and the security answers of its
/// answer library when the plan includes it (decision 0018). Proposing is taking part in the RFP.
/// </summary>
public static class StartProposal
{
    public static async Task<Results<Created<ProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, IOptions<BillingOptions> billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VendorProposals.RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return VendorProposals.NoSuchRfp();
        var now = clock.GetUtcNow();
        VendorProposals.EnsureTakesProposals(listing, now);
        var vendorId = actor.OrganisationId!.Value;
        if (await db.Proposals.AnyAsync(p => p.RfpId == rfpId && p.VendorId == vendorId, cancellationToken))
            return ApiProblems.Conflict(TextCatalogue.Say("proposal.exists.title"), TextCatalogue.Say("proposal.exists"));

        var profile = await db.VendorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == vendorId, cancellationToken);
        var entitlement = await Entitlements.ForAsync(db, vendorId, billing.Value, now, cancellationToken);
        var proposal = new Proposal(rfpId, vendorId, listing.ClientOrganisationId, Prefilled(profile, entitlement.Options.AnswerLibrary), now);
        db.Proposals.Add(proposal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Proposing is taking part: answers, addenda and the deadline reach this vendor (the client sees a count, not who).
        await RfpParticipants.JoinAsync(db, listing, vendorId, clock, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return ApiProblems.Conflict(TextCatalogue.Say("proposal.exists.title"), TextCatalogue.Say("proposal.exists.colleague"));
        }
        await db.AppendAuditAsync(new AuditRecord(vendorId, actor.AuditName, AuditActions.ProposalStarted, "proposal", proposal.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/vendor/rfps/{rfpId}/proposal",
            await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }

    /// <summary>What the profile already says: the fees, and the security answers of its answer library when the plan includes it.</summary>
    private static ProposalContent Prefilled(VendorProfile? profile, bool answerLibrary) => new()
    {
        Fees = new ProposalFees
        {
            InitialYen = profile?.InitialFeeYen ?? 0,
            MonthlyYen = profile?.MonthlyBaseYen ?? 0,
            UnitPrices = profile?.UnitPrices.Select(u => new UnitPrice
            {
                Unit = u.Unit, Bands = u.Bands.Select(b => new VolumeBand { FromQuantity = b.FromQuantity, PriceYen = b.PriceYen }).ToList(),
            }).ToArray() ?? [],
            ExtraChargeConditions = profile?.ExtraChargeConditions ?? [],
            StandardInclusions = profile?.StandardInclusions ?? [],
        },
        Security = SecurityQuestionnaire.PrefillFrom(answerLibrary ? profile : null),
    };
}
