using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record AskQuestionRequest(string? Question);

public sealed class AskQuestionRequestValidator : AbstractValidator<AskQuestionRequest>
{
    public AskQuestionRequestValidator() => RuleFor(x => x.Question).Must(q => !string.IsNullOrWhiteSpace(q) && q.Trim().Length <= RfpQuestion.TextMaxLength)
        .WithMessage(_ => TextCatalogue.Say("rfp.question.text", new { max = RfpQuestion.TextMaxLength }));
}

/// <summary>Asks the client a question until the question deadline; asking is taking part, so the answer reaches this vendor.</summary>
public static class AskRfpQuestion
{
    public static async Task<Results<Created<VendorQuestionDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, AskQuestionRequest request,
        CurrentActor actor, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing is null) return VendorRfps.NoSuchRfp();
        var now = clock.GetDatabaseNow();
        if (!listing.TakesQuestions(now))
            return ApiProblems.Conflict(TextCatalogue.Say("rfp.questions.closed.title"),
                TextCatalogue.Say("rfp.questions.closed", new { deadline = listing.QuestionDeadline }));
        var vendorId = actor.OrganisationId!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RfpParticipants.JoinAsync(db, listing, vendorId, clock, cancellationToken);
        var (question, asker) = RfpQuestion.Ask(rfpId, listing.ClientOrganisationId, vendorId, request.Question!, now);
        db.RfpQuestions.Add(question);
        db.RfpQuestionAskers.Add(asker);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/vendor/rfps/{rfpId}", new VendorQuestionDto(question.Id, question.Question, null, question.AskedAt, null, true));
    }
}
