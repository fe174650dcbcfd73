using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Shared;

/// <summary>
/// Who the caller is in an RFP's evaluation, as the proposal, evaluation, award and participation features ask it.
/// Procurement (owner, admin, procurement) leads it and sees vendor names always; an assigned evaluator reads the
/// proposals (by label in blind mode) and sees the others' scores only after submitting their own. Anyone else reads
/// nothing of the proposals.
/// </summary>
/// <param name="Me">The caller's assignment as an evaluator, if any (a lead may be one too).</param>
public sealed record EvaluationAccess(bool Lead, RfpEvaluator? Me, bool Blind)
{
    public static readonly string[] LeadRoles = [OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Procurement];
    /// <summary>The roles that may read proposals at all (an evaluator only when assigned).</summary>
    public static readonly string[] ReaderRoles = [.. LeadRoles, OrganisationRoles.Evaluator];

    public bool Evaluator => Me is not null;
    public bool MayReadProposals => Lead || Evaluator;
    /// <summary>Vendor names are hidden from this caller (blind mode, not the lead).</summary>
    public bool HidesNames => Blind && !Lead;
    /// <summary>May see everyone's scores: an evaluator (a lead too) once they have submitted their own; a lead who does not score, always.</summary>
    public bool MaySeeAllScores => Evaluator ? Me!.SubmittedAt is not null : Lead;

    public static async Task<EvaluationAccess> ForAsync(MarketplaceDbContext db, CurrentActor actor, Guid rfpId, CancellationToken cancellationToken)
    {
        var lead = actor.Role is { } role && LeadRoles.Contains(role);
        var me = actor.UserId is { } userId
            ? await db.RfpEvaluators.AsNoTracking().FirstOrDefaultAsync(e => e.RfpId == rfpId && e.UserId == userId, cancellationToken)
            : null;
        var blind = await db.RfpEvaluations.AsNoTracking().Where(e => e.RfpId == rfpId).Select(e => e.Blind).FirstOrDefaultAsync(cancellationToken);
        return new EvaluationAccess(lead, me, blind);
    }

    /// <summary>
    /// Whether vendor names are kept from this caller outside the proposals too (the OCDS export, who asked which
    /// question): a person for whom a blind evaluation hides them. The organisation's own systems (API clients) are no
    /// evaluator.
    /// </summary>
    public static async Task<bool> HidesNamesFromAsync(MarketplaceDbContext db, CurrentActor actor, Guid rfpId, CancellationToken cancellationToken) =>
        !actor.IsApiClient && (await ForAsync(db, actor, rfpId, cancellationToken)).HidesNames;

    public static ProblemHttpResult NamesHidden() => ApiProblems.Forbidden(TextCatalogue.Say("evaluation.namesHidden"));

    public static ProblemHttpResult NotAnEvaluator() => ApiProblems.Forbidden(TextCatalogue.Say("evaluation.notAnEvaluator"));

    public static ProblemHttpResult ScoresHidden() => ApiProblems.Forbidden(TextCatalogue.Say("evaluation.scoresHidden"));
}
