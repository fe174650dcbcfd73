using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
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

/// <summary>What the client's participation operations share: the activity as the client reads it, and telling the participants.</summary>
internal static class RfpActivity
{
    public static async Task<RfpActivityDto> ReadAsync(MarketplaceDbContext db, Guid rfpId, TimeProvider clock, CancellationToken cancellationToken,
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
    public static async Task<Dictionary<Guid, string>> AskersAsync(MarketplaceDbContext db, Guid rfpId, DateTimeOffset now, CancellationToken cancellationToken,
        Guid? questionId = null)
    {
        if (!await db.RfpListings.AnyAsync(l => l.RfpId == rfpId && l.ProposalDeadline <= now, cancellationToken)) return [];
        return await (from a in db.RfpQuestionAskers.AsNoTracking()
                      join o in db.Organisations.AsNoTracking() on a.VendorId equals o.Id
                      where a.RfpId == rfpId && (questionId == null || a.QuestionId == questionId)
                      select new { a.QuestionId, o.Name })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Name, cancellationToken);
    }

    public static async Task<ClientQuestionDto> QuestionDtoAsync(MarketplaceDbContext db, RfpQuestion question, TimeProvider clock,
        CancellationToken cancellationToken) =>
        new(question.Id, question.Question, (await AskersAsync(db, question.RfpId, clock.GetUtcNow(), cancellationToken, question.Id)).GetValueOrDefault(question.Id),
            question.Answer, question.AskedAt, question.AnsweredAt);

    /// <summary>Saves the answer or clarification and tells every participant, in one transaction (the caller's, when it began one); audited.</summary>
    public static async Task<Results<Ok<ClientQuestionDto>, ValidationProblem, ProblemHttpResult>> ShareAsync(Rfp rfp, RfpQuestion question, string auditAction,
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
        return TypedResults.Ok(await QuestionDtoAsync(db, question, clock, cancellationToken));
    }
}
