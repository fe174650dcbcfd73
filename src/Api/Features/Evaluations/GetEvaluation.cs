using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

/// <param name="Scored">How many of the scores the scorecard needs this evaluator has given.</param>
public sealed record EvaluatorDto(Guid UserId, string Email, DateTimeOffset AssignedAt, DateTimeOffset? SubmittedAt, int Scored, int Required);

/// <param name="Status">The RFP's status, as the RFP answers it (closed, evaluating, awarded...).</param>
/// <param name="MyRole">lead, evaluator, or lead+evaluator: what the caller does here.</param>
/// <param name="Assignable">Members who may be assigned (owner, admin, procurement, evaluator; never a viewer), for the lead.</param>
/// <param name="CostRule">How cost becomes a score, in the reader's language.</param>
public sealed record EvaluationDto(string Status, bool Blind, IReadOnlyList<EvaluatorDto> Evaluators, string MyRole, bool Submitted,
    IReadOnlyList<EvaluationAxisDto> ScoredAxes, IReadOnlyList<EvaluatedProposalDto> Proposals, IReadOnlyList<EvaluatorDto> Assignable, string CostRule);

/// <summary>The evaluation as the caller takes part in it: the panel with each evaluator's progress, the axes and the proposals.</summary>
public static class GetEvaluation
{
    public static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return OpenedProposals.Sealed();
        if (!opened.Access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        return TypedResults.Ok(await DtoAsync(db, opened, cancellationToken));
    }

    internal static async Task<EvaluationDto> DtoAsync(MarketplaceDbContext db, OpenedEvaluation opened, CancellationToken cancellationToken)
    {
        var rfpId = opened.RfpId;
        var status = await db.Rfps.AsNoTracking().Where(r => r.Id == rfpId).Select(r => r.Status).SingleAsync(cancellationToken);
        var scoredAxes = opened.ScoredAxes;
        var conforming = opened.Conforming;
        var required = scoredAxes.Count * conforming.Count;
        var conformingIds = conforming.Select(p => p.Id).ToList();
        var axisCodes = scoredAxes.Select(a => a.Code).ToList();
        // Counts only, so that nobody learns anyone's scores from the panel (row-level security would hide them anyway).
        // An evaluator still scoring sees only their own count: row-level security hides the others' scores from them.
        var scored = await db.EvaluationScores.AsNoTracking()
            .Where(s => s.RfpId == rfpId && conformingIds.Contains(s.ProposalId) && axisCodes.Contains(s.Axis))
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var members = await (from m in db.Memberships.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.OrganisationId == opened.Listing.ClientOrganisationId
                             select new { m.UserId, m.Role, Email = u.Email ?? "" }).ToListAsync(cancellationToken);
        var emails = members.ToDictionary(m => m.UserId, m => m.Email);
        var evaluators = await db.RfpEvaluators.AsNoTracking().Where(e => e.RfpId == rfpId).OrderBy(e => e.AssignedAt).ToListAsync(cancellationToken);
        var access = opened.Access;
        var myRole = access is { Lead: true, Evaluator: true } ? "lead+evaluator" : access.Lead ? "lead" : "evaluator";
        return new EvaluationDto(status.ToString().ToLowerInvariant(), access.Blind,
            evaluators.Select(e => new EvaluatorDto(e.UserId, emails.GetValueOrDefault(e.UserId, ""), e.AssignedAt, e.SubmittedAt,
                scored.GetValueOrDefault(e.UserId), required)).ToList(),
            myRole, access.Me?.SubmittedAt is not null, EvaluationAxisDto.ListOf(scoredAxes), conforming,
            access.Lead
                ? members.Where(m => m.Role != OrganisationRoles.Viewer).OrderBy(m => m.Email)
                    .Select(m => new EvaluatorDto(m.UserId, m.Email, default, null, 0, required)).ToList()
                : [],
            OpenedEvaluation.CostRule());
    }
}
