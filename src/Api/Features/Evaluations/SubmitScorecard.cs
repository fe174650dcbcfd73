using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

/// <summary>
/// Submits the caller's scorecard once every conforming proposal has a score on every scored axis (400 names what is
/// missing); final afterwards, and the other evaluators' submitted scores become visible to them.
/// </summary>
public static class SubmitScorecard
{
    private const int MissingNamed = 10;

    public static async Task<Results<Ok<ScorecardDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken) is not { } opened) return OpenedProposals.Sealed();
        if (opened.Access.Me is null) return EvaluationAccess.NotAnEvaluator();
        await OpenedEvaluation.EnsureNotFinishedAsync(db, rfpId, cancellationToken);
        var me = await db.RfpEvaluators.SingleAsync(e => e.RfpId == rfpId && e.UserId == opened.Access.Me.UserId, cancellationToken);
        var given = (await db.EvaluationScores.AsNoTracking().Where(s => s.RfpId == rfpId && s.UserId == me.UserId).Select(s => new { s.ProposalId, s.Axis })
            .ToListAsync(cancellationToken)).Select(s => (s.ProposalId, s.Axis)).ToHashSet();
        var missing = (from p in opened.Conforming
                       from a in opened.ScoredAxes
                       where !given.Contains((p.Id, a.Code))
                       select TextCatalogue.Say("evaluation.missingScore", new { proposal = p.Label, axis = EvaluationAxes.Label(a.Code) })).ToList();
        if (opened.Conforming.Count == 0)
            return ValidationRules.FieldProblem("scores", TextCatalogue.Say("evaluation.nothingToScore"));
        if (missing.Count > 0)
            return ValidationRules.FieldProblem("scores", TextCatalogue.Say("evaluation.scoresMissing",
                new { count = missing.Count, missing = string.Join(TextCatalogue.Say("common.nameSeparator"), missing.Take(MissingNamed)) }));
        me.Submit(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ScorecardSubmitted, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { scores = given.Count }), cancellationToken);
        return TypedResults.Ok(await GetMyScorecard.DtoAsync(db, opened, me.UserId, me.SubmittedAt, cancellationToken));
    }
}
