using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Proposals;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

public sealed record ClientProposalDto(ClientProposalSummaryDto Summary, ProposalContent Content, IReadOnlyList<ProposalVersionDto> Versions,
    IReadOnlyList<SecurityQuestionDto> Questionnaire);

/// <summary>A submitted proposal as received (its latest submitted version) with its version history; the read is on the record.</summary>
public static class GetRfpProposal
{
    public static async Task<Results<Ok<ClientProposalDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, Guid proposalId, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedProposals.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, rfp)) return OpenedProposals.Sealed();
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        if (!access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        if ((await OpenedProposals.SubmittedAsync(db, listing, rfp, access.HidesNames, cancellationToken)).SingleOrDefault(p => p.Proposal.Id == proposalId)
            is not { } found)
            return ApiProblems.NotFound(TextCatalogue.Say("proposal.noSuchProposal"));
        var versions = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == proposalId).OrderBy(v => v.Number)
            .Select(v => new ProposalVersionDto(v.Number, v.RfpVersion, v.ReceivedAt)).ToListAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalRead, "proposal", proposalId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId, version = found.Version.Number }), cancellationToken);
        return TypedResults.Ok(new ClientProposalDto(found.Summary, found.Version.Content, versions, SecurityQuestionDto.All()));
    }
}
