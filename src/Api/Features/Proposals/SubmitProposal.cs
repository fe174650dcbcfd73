using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Proposals;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Proposals;

/// <summary>
/// Submits, revises or re-confirms: a new version with its receipt time. 400 lists what is missing; a first
/// submission counts against the plan's monthly quota (402 beyond it, decision 0017); the same submission twice is one.
/// </summary>
public static class SubmitProposal
{
    public static async Task<Results<Ok<ProposalDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, IOptions<BillingOptions> billing, CancellationToken cancellationToken)
    {
        if (await VendorProposals.RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return VendorProposals.NoSuchRfp();
        var (proposal, problem) = await VendorProposals.MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetUtcNow();
        VendorProposals.EnsureTakesProposals(listing, now);
        var missing = proposal.Content.MissingFor(rfp);
        if (missing.Count > 0 && proposal.Status != ProposalStatus.Withdrawn)
            return ValidationRules.FieldProblem(missing.ToDictionary(code => code,
                code => new[] { TextCatalogue.Say("proposal.missingField", new { item = ProposalContent.MissingLabel(code) }) }));
        var firstSubmission = proposal.SubmittedVersion == 0;
        var inForce = firstSubmission ? null : await db.ProposalVersions.AsNoTracking()
            .Where(v => v.ProposalId == proposal.Id && v.Number == proposal.SubmittedVersion).Select(v => v.Content).SingleAsync(cancellationToken);
        var version = proposal.Submit(listing.Version, VendorProposals.DeadlineOf(listing), now, inForce);
        // The same submission again (a second click): the answer of the first, and no new version.
        if (version is null) return TypedResults.Ok(await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (firstSubmission)
        {
            // A first submission counts against the plan's monthly quota. One vendor's first submissions take turns, so
            // two at once cannot both take the last one.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"quota:" + proposal.VendorId}, 0))", cancellationToken);
            if (await ProposalQuotaProblem.ForAsync(db, proposal.VendorId, billing.Value, now, cancellationToken) is { } overQuota) return overQuota;
        }
        db.ProposalVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(proposal.VendorId, actor.AuditName, AuditActions.ProposalSubmitted, "proposal", proposal.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId, version = version.Number, rfpVersion = version.RfpVersion }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await VendorProposals.ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }
}
