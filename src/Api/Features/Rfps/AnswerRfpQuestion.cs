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

public sealed record AnswerQuestionRequest(string? Answer);

public sealed class AnswerQuestionRequestValidator : AbstractValidator<AnswerQuestionRequest>
{
    public AnswerQuestionRequestValidator() => RuleFor(x => x.Answer).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= RfpQuestion.TextMaxLength)
        .WithMessage(_ => TextCatalogue.Say("rfp.answer.text", new { max = RfpQuestion.TextMaxLength }));
}

/// <summary>Answers a vendor's question; the answer goes to every participant without the asker's name, once however often it is sent.</summary>
public static class AnswerRfpQuestion
{
    public static async Task<Results<Ok<ClientQuestionDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, Guid questionId,
        AnswerQuestionRequest request, CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Locked until the answer commits: the same answer sent twice at once is published (and told) once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var question = await db.RfpQuestions
            .FromSql($"SELECT * FROM rfp_questions WHERE id = {questionId} AND rfp_id = {rfpId} AND question IS NOT NULL FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (question is null) return ApiProblems.NotFound(TextCatalogue.Say("rfp.question.notFound"));
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        rfp.EnsurePublished(RfpMove.AnswerQuestion);
        // The same answer again (a second click): it stands as published, and nobody is told twice.
        if (question.Answer == request.Answer!.Trim()) return TypedResults.Ok(await RfpActivity.QuestionDtoAsync(db, question, clock, cancellationToken));
        question.AnswerWith(request.Answer!, clock.GetDatabaseNow());
        return await RfpActivity.ShareAsync(rfp, question, AuditActions.RfpQuestionAnswered, actor, db, http, clock, cancellationToken);
    }
}
