using System.Globalization;
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
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Rfps;

/// <param name="Content">The whole new content (as the builder saves a draft).</param>
/// <param name="ChangeSummary">What changed, in words the participants read.</param>
public sealed record PublishAddendumRequest(RfpContent? Content, string? ChangeSummary, bool AcknowledgeFindings);

public sealed class PublishAddendumRequestValidator : AbstractValidator<PublishAddendumRequest>
{
    public PublishAddendumRequestValidator()
    {
        RuleFor(x => x.Content).NotNull().WithMessage(_ => TextCatalogue.Say("rfp.addendum.contentRequired")).SetValidator(new RfpContentValidator()!);
        RuleFor(x => x.ChangeSummary).Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= Rfp.ReasonMaxLength)
            .WithMessage(_ => TextCatalogue.Say("rfp.addendum.summary", new { max = Rfp.ReasonMaxLength }));
    }
}

/// <summary>
/// Changes a published RFP (変更): a new version under the RFP's own rules (<see cref="Rfp.PublishAddendum(RfpContent, string, DateTimeOffset, AddendumOptions, bool)"/>);
/// the participants are told, the deadline follows, and vendors are matched again.
/// </summary>
public static class PublishRfpAddendum
{
    public static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, PublishAddendumRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, IOptions<AddendumOptions> periods, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return RfpDrafts.NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        var content = RfpDrafts.Normalised(request.Content!);
        if (await RfpDrafts.UnknownServicesAsync(content, db, cancellationToken) is { } unknown) return unknown;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (version, findings) = rfp.PublishAddendum(content, request.ChangeSummary!, now, periods.Value, request.AcknowledgeFindings);
        db.RfpVersions.Add(version);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfp.Id, cancellationToken)).Update(rfp, now);
        (await db.RfpDeadlines.SingleAsync(d => d.RfpId == rfp.Id, cancellationToken)).MoveTo(rfp.Content.ProposalDeadline!.Value);
        await RfpNotices.ToParticipantsAsync(db, rfp, NotificationTypes.RfpAddendum, $"{NotificationTypes.RfpAddendum}:{rfp.Id}:{version.Number}",
            new Dictionary<string, string>
            {
                ["version"] = version.Number.ToString(CultureInfo.InvariantCulture), ["summary"] = version.ChangeSummary!,
                // The deadline as it stands after the addendum (perhaps moved later to leave the vendors enough time).
                ["deadline"] = rfp.Content.ProposalDeadline!.Value.ToString("O"),
            },
            clock, cancellationToken, invitedToo: true);
        db.EnqueueMessage(new RfpPublished(rfp.Id, rfp.OrganisationId, version.Number, now), rfp.OrganisationId, clock); // match again
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpAddendum, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new
            {
                content.Title,
                version = version.Number,
                summary = version.ChangeSummary,
                rfp.Content.QuestionDeadline,
                rfp.Content.ProposalDeadline,
                acknowledgedFindings = findings.Select(f => new { f.RuleCode, f.Sentence }).ToList(),
            }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(RfpDto.From(db, http, rfp, now));
    }
}
