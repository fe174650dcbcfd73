using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Contracts;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record CancelRfpRequest(string? Reason);

public sealed class CancelRfpRequestValidator : AbstractValidator<CancelRfpRequest>
{
    public CancelRfpRequestValidator() => RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= Rfp.ReasonMaxLength)
        .WithMessage(_ => TextCatalogue.Say("rfp.cancel.reason", new { max = Rfp.ReasonMaxLength }));
}

/// <summary>Cancels a published RFP with a reason that every participant (the invited too) is told; its deadline is unscheduled.</summary>
public static class CancelRfp
{
    public static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, CancelRfpRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return RfpDrafts.NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        rfp.Cancel(request.Reason!, now);
        await db.RfpDeadlines.Where(d => d.RfpId == rfp.Id).ExecuteDeleteAsync(cancellationToken);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfp.Id, cancellationToken)).Update(rfp, now);
        await RfpNotices.ToParticipantsAsync(db, rfp, NotificationTypes.RfpCancelled, $"{NotificationTypes.RfpCancelled}:{rfp.Id}",
            new Dictionary<string, string> { ["reason"] = rfp.CancellationReason! }, clock, cancellationToken, invitedToo: true);
        db.EnqueueMessage(new RfpCancelled(rfp.Id, rfp.OrganisationId, rfp.CancellationReason!, now), rfp.OrganisationId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpCancelled, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfp.Content.Title, reason = rfp.CancellationReason }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(RfpDto.From(db, http, rfp, now));
    }
}
