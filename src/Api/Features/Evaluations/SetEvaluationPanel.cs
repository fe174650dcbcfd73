using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Evaluations;

public sealed record SetEvaluationPanelRequest(bool Blind, Guid[]? EvaluatorUserIds);

public sealed class SetEvaluationPanelRequestValidator : AbstractValidator<SetEvaluationPanelRequest>
{
    public const int MaxEvaluators = 20;

    public SetEvaluationPanelRequestValidator() => RuleFor(x => x.EvaluatorUserIds)
        .Must(ids => ids is { Length: > 0 and <= MaxEvaluators } && ids.Distinct().Count() == ids.Length)
        .WithMessage(_ => TextCatalogue.Say("evaluation.panel.evaluators", new { max = MaxEvaluators }));
}

/// <summary>
/// Procurement assigns the evaluators and sets blind mode, which starts the evaluation. An evaluator who has submitted
/// stays on the panel, and blind mode stays as it was once anyone has (the evaluation's own rules, 409).
/// </summary>
public static class SetEvaluationPanel
{
    public static async Task<Results<Ok<EvaluationDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, SetEvaluationPanelRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, _)) return OpenedProposals.Sealed();
        var wanted = request.EvaluatorUserIds!;
        var eligible = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == listing.ClientOrganisationId && wanted.Contains(m.UserId) && m.Role != OrganisationRoles.Viewer)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        var errors = wanted.Select((id, i) => (id, i)).Where(x => !eligible.Contains(x.id))
            .ToDictionary(x => $"evaluatorUserIds[{x.i}]", _ => new[] { TextCatalogue.Say("evaluation.panel.notEligible") });
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OpenedEvaluation.EnsureNotFinishedAsync(db, rfpId, cancellationToken);
        var rfp = await Awarding.StartEvaluationAsync(db, rfpId, now, clock, cancellationToken);
        var evaluation = db.RfpEvaluations.Local.FirstOrDefault(e => e.RfpId == rfpId)
                         ?? await db.RfpEvaluations.FirstAsync(e => e.RfpId == rfpId, cancellationToken);
        var current = await db.RfpEvaluators.Where(e => e.RfpId == rfpId).ToListAsync(cancellationToken);
        if (current.Any(e => e.SubmittedAt is not null && !wanted.Contains(e.UserId))) throw new EvaluationLockedException("evaluatorSubmitted");
        evaluation.SetBlind(request.Blind, current.Any(e => e.SubmittedAt is not null), now);
        db.RfpEvaluators.RemoveRange(current.Where(e => !wanted.Contains(e.UserId))); // their unsubmitted scores go with them
        db.RfpEvaluators.AddRange(wanted.Where(id => current.All(e => e.UserId != id)).Select(id => new RfpEvaluator(rfpId, rfp.OrganisationId, id, now)));
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.EvaluationPanelSet, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { blind = request.Blind, evaluators = wanted }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await GetEvaluation.DtoAsync(db, (await OpenedEvaluation.OpenAsync(db, actor, rfpId, clock, cancellationToken))!, cancellationToken));
    }
}
