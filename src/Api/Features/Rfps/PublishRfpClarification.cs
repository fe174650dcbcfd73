using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record ClarificationRequest(string? Text);

public sealed class ClarificationRequestValidator : AbstractValidator<ClarificationRequest>
{
    public ClarificationRequestValidator() => RuleFor(x => x.Text).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= RfpQuestion.TextMaxLength)
        .WithMessage(_ => TextCatalogue.Say("rfp.clarification.text", new { max = RfpQuestion.TextMaxLength }));
}

/// <summary>Publishes a clarification of the client's own to every participant.</summary>
public static class PublishRfpClarification
{
    public static async Task<Results<Ok<ClientQuestionDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, ClarificationRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        rfp.EnsurePublished(RfpMove.Clarify);
        var clarification = RfpQuestion.Clarify(rfpId, rfp.OrganisationId, request.Text!, clock.GetDatabaseNow());
        db.RfpQuestions.Add(clarification);
        return await RfpActivity.ShareAsync(rfp, clarification, AuditActions.RfpClarified, actor, db, http, clock, cancellationToken);
    }
}
