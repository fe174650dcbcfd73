using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Notifications;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record RfpVersionDto(int Number, string? ChangeSummary, DateTimeOffset PublishedAt);

/// <param name="Slug">The vendor's public page; null once it is no longer listed (the invitation stands).</param>
public sealed record RfpInvitationDto(Guid VendorId, string VendorName, string? Slug, DateTimeOffset InvitedAt);

/// <param name="VendorName">Who asked, once the proposals have opened (before, the client sees the question, not who asked:
/// that would say who takes part); other vendors never see it. Null for a clarification.</param>
public sealed record ClientQuestionDto(Guid Id, string? Question, string? VendorName, string? Answer, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt);

/// <param name="Participants">How many vendors declared they take part (not who: the client learns the bidders when proposals open).</param>
/// <param name="AskersBlind">Who asked is kept from the caller by a blind evaluation (only procurement sees it).</param>
public sealed record RfpActivityDto(int Participants, IReadOnlyList<RfpInvitationDto> Invitations, IReadOnlyList<ClientQuestionDto> Questions,
    IReadOnlyList<RfpVersionDto> Versions, bool AskersBlind = false);

public sealed record InviteVendorsRequest(Guid[]? VendorIds);

public sealed record AnswerQuestionRequest(string? Answer);

public sealed record ClarificationRequest(string? Text);

/// <summary>
/// The client's side of a published RFP: whom it invited, the questions to answer, clarifications of its own, the
/// versions. Every answer and clarification goes to every participant without the asker's name.
/// </summary>
public static class RfpParticipationEndpoints
{
    public const int MaxInvitationsAtOnce = 50;

    public static RouteGroupBuilder MapRfpParticipationEndpoints(this RouteGroupBuilder group, string[] editors)
    {
        group.MapGet("/{rfpId:guid}/activity", Activity).RequireMember(ApiScopes.RfpsRead).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("GetRfpActivity").WithSummary("A published RFP's participants (a count), invitations, questions and versions");
        group.MapPost("/{rfpId:guid}/invitations", Invite).RequireMember(null, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<InviteVendorsRequest>().WithName("InviteVendors")
            .WithSummary("Invite vendors (the only ones who see an invite-only RFP); each is told once; 409 unless published");
        group.MapPost("/{rfpId:guid}/questions/{questionId:guid}/answer", Answer).RequireMember(null, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<AnswerQuestionRequest>().WithName("AnswerRfpQuestion")
            .WithSummary("Answer a vendor's question; the answer goes to every participant, without the asker's name; 409 unless published");
        group.MapPost("/{rfpId:guid}/clarifications", Clarify).RequireMember(null, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<ClarificationRequest>().Idempotent().WithName("PublishRfpClarification")
            .WithSummary("Publish a clarification to every participant; 409 unless published");
        return group;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    private static string TextMessage(string ja, string en) => English
        ? $"{en} (at most {RfpQuestion.TextMaxLength:N0} characters)."
        : $"{ja}を {RfpQuestion.TextMaxLength:N0} 文字以内で入力してください。";

    public sealed class InviteValidator : AbstractValidator<InviteVendorsRequest>
    {
        public InviteValidator() => RuleFor(x => x.VendorIds).Must(ids => ids is { Length: > 0 and <= MaxInvitationsAtOnce })
            .WithMessage(_ => English ? $"Choose 1 to {MaxInvitationsAtOnce} vendors to invite." : $"招待するベンダーを 1〜{MaxInvitationsAtOnce} 社選んでください。");
    }

    public sealed class AnswerValidator : AbstractValidator<AnswerQuestionRequest>
    {
        public AnswerValidator() => RuleFor(x => x.Answer).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= RfpQuestion.TextMaxLength)
            .WithMessage(_ => TextMessage("回答", "Write the answer"));
    }

    public sealed class ClarificationValidator : AbstractValidator<ClarificationRequest>
    {
        public ClarificationValidator() => RuleFor(x => x.Text).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= RfpQuestion.TextMaxLength)
            .WithMessage(_ => TextMessage("補足説明", "Write the clarification"));
    }

    private static ProblemHttpResult NotPublished(RfpStatus status) => ApiProblems.Conflict(
        English ? "Not possible in this state" : "この状態ではできません",
        English ? $"The RFP is {status.ToString().ToLowerInvariant()}: invitations, answers and clarifications are for a published RFP."
            : "招待・回答・補足説明は、公開中の RFP でのみ行えます。");

    private static async Task<Ok<RfpActivityDto>> Activity(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // In a blind evaluation the askers' names would tell an evaluator who proposed: only procurement sees them.
        var hideAskers = await EvaluationAccess.HidesNamesFromAsync(db, actor, rfpId, cancellationToken);
        return TypedResults.Ok(await ActivityAsync(db, rfpId, clock, cancellationToken, hideAskers));
    }

    private static async Task<RfpActivityDto> ActivityAsync(MarketplaceDbContext db, Guid rfpId, TimeProvider clock, CancellationToken cancellationToken,
        bool hideAskers = false)
    {
        var participants = await db.RfpParticipants.CountAsync(p => p.RfpId == rfpId, cancellationToken);
        var invitations = await (
                from i in db.RfpInvitations.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on i.VendorId equals o.Id
                join e in db.VendorSearchEntries.AsNoTracking() on i.VendorId equals e.OrganisationId into entries
                from e in entries.DefaultIfEmpty()
                where i.RfpId == rfpId
                orderby i.InvitedAt
                select new RfpInvitationDto(i.VendorId, o.Name, e == null ? null : e.Slug, i.InvitedAt))
            .ToListAsync(cancellationToken);
        var askers = hideAskers ? [] : await AskersAsync(db, rfpId, clock.GetUtcNow(), cancellationToken);
        var questions = await db.RfpQuestions.AsNoTracking().Where(q => q.RfpId == rfpId).OrderBy(q => q.AskedAt)
            .Select(q => new ClientQuestionDto(q.Id, q.Question, null, q.Answer, q.AskedAt, q.AnsweredAt)).ToListAsync(cancellationToken);
        questions = questions.Select(q => q with { VendorName = askers.GetValueOrDefault(q.Id) }).ToList();
        var versions = await db.RfpVersions.AsNoTracking().Where(v => v.RfpId == rfpId).OrderBy(v => v.Number)
            .Select(v => new RfpVersionDto(v.Number, v.ChangeSummary, v.PublishedAt)).ToListAsync(cancellationToken);
        return new RfpActivityDto(participants, invitations, questions, versions, hideAskers);
    }

    /// <summary>
    /// Who asked each question, by organisation name, once the proposals have opened; before that, none (it would say
    /// who takes part). Row-level security holds the same rule for rfp_question_askers.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> AskersAsync(MarketplaceDbContext db, Guid rfpId, DateTimeOffset now, CancellationToken cancellationToken,
        Guid? questionId = null)
    {
        if (!await db.RfpListings.AnyAsync(l => l.RfpId == rfpId && l.ProposalDeadline <= now, cancellationToken)) return [];
        return await (from a in db.RfpQuestionAskers.AsNoTracking()
                      join o in db.Organisations.AsNoTracking() on a.VendorId equals o.Id
                      where a.RfpId == rfpId && (questionId == null || a.QuestionId == questionId)
                      select new { a.QuestionId, o.Name })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Name, cancellationToken);
    }

    private static async Task<Results<Ok<RfpActivityDto>, ValidationProblem, ProblemHttpResult>> Invite(Guid rfpId, InviteVendorsRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp.Status != RfpStatus.Published) return NotPublished(rfp.Status);
        var wanted = request.VendorIds!.Distinct().ToArray();
        var listed = await db.VendorSearchEntries.AsNoTracking().Where(e => wanted.Contains(e.OrganisationId) && e.Listed)
            .Select(e => e.OrganisationId).ToListAsync(cancellationToken);
        if (listed.Count != wanted.Length)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["vendorIds"] = [English ? "Some of these are not vendors listed in the marketplace." : "マーケットプレイスに掲載されていないベンダーが含まれています。"],
            });
        var already = await db.RfpInvitations.Where(i => i.RfpId == rfpId && wanted.Contains(i.VendorId)).Select(i => i.VendorId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var data = new Dictionary<string, string> { ["rfpId"] = rfpId.ToString(), ["title"] = rfp.Content.Title };
        foreach (var vendorId in wanted.Except(already))
        {
            db.RfpInvitations.Add(new RfpInvitation(rfpId, vendorId, rfp.OrganisationId, actor.AuditName, now));
            Notices.Send(db, vendorId, NotificationTypes.RfpInvited, $"{NotificationTypes.RfpInvited}:{rfpId}", data, clock);
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpVendorInvited, "rfp", rfpId.ToString(),
                http.Connection.RemoteIpAddress?.ToString(), new { vendorIds = wanted.Except(already).ToList() }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A second click, or a colleague, invited one of them a moment ago: that invitation (and its notice) stands.
            db.ChangeTracker.Clear();
        }
        return TypedResults.Ok(await ActivityAsync(db, rfpId, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ClientQuestionDto>, ValidationProblem, ProblemHttpResult>> Answer(Guid rfpId, Guid questionId,
        AnswerQuestionRequest request, CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Locked until the answer commits: the same answer sent twice at once is published (and told) once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var question = await db.RfpQuestions
            .FromSql($"SELECT * FROM rfp_questions WHERE id = {questionId} AND rfp_id = {rfpId} AND question IS NOT NULL FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (question is null) return ApiProblems.NotFound(English ? "There is no such question on this RFP." : "この RFP に、その質問はありません。");
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp.Status != RfpStatus.Published) return NotPublished(rfp.Status);
        // The same answer again (a second click): it stands as published, and nobody is told twice.
        if (question.Answer == request.Answer!.Trim())
            return TypedResults.Ok(new ClientQuestionDto(question.Id, question.Question,
                (await AskersAsync(db, rfpId, clock.GetUtcNow(), cancellationToken, question.Id)).GetValueOrDefault(question.Id), question.Answer, question.AskedAt, question.AnsweredAt));
        var now = clock.GetDatabaseNow();
        question.AnswerWith(request.Answer!, now);
        return await ShareAsync(rfp, question, AuditActions.RfpQuestionAnswered, actor, db, http, clock, cancellationToken);
    }

    private static async Task<Results<Ok<ClientQuestionDto>, ValidationProblem, ProblemHttpResult>> Clarify(Guid rfpId, ClarificationRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp.Status != RfpStatus.Published) return NotPublished(rfp.Status);
        var clarification = RfpQuestion.Clarify(rfpId, rfp.OrganisationId, request.Text!, clock.GetDatabaseNow());
        db.RfpQuestions.Add(clarification);
        return await ShareAsync(rfp, clarification, AuditActions.RfpClarified, actor, db, http, clock, cancellationToken);
    }

    /// <summary>Saves the answer or clarification and tells every participant, in one transaction (the caller's, when it began one); audited.</summary>
    private static async Task<Results<Ok<ClientQuestionDto>, ValidationProblem, ProblemHttpResult>> ShareAsync(Rfp rfp, RfpQuestion question, string auditAction,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!;
        // A corrected answer is news again: the key carries the answer's time.
        await RfpNotices.ToParticipantsAsync(db, rfp, NotificationTypes.RfpQuestionAnswered,
            $"{NotificationTypes.RfpQuestionAnswered}:{question.Id}:{question.AnsweredAt!.Value.UtcTicks}", null, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, auditAction, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { questionId = question.Id, question.Question, question.Answer }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var asker = (await AskersAsync(db, rfp.Id, clock.GetUtcNow(), cancellationToken, question.Id)).GetValueOrDefault(question.Id);
        return TypedResults.Ok(new ClientQuestionDto(question.Id, question.Question, asker, question.Answer, question.AskedAt, question.AnsweredAt));
    }
}
