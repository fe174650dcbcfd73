using System.Text.Json;
using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Vendors;

/// <param name="WaitingSince">When the certification as it stands (facts and evidence) entered the queue.</param>
public sealed record QueuedCertificationDto(Guid OrganisationId, string OrganisationName, CertificationDto Certification, DateTimeOffset WaitingSince);

public sealed record RejectCertificationRequest(string? Reason);

/// <summary>
/// The platform operators' verification queue: certifications with evidence that nobody has verified or declined
/// since their last change, oldest first, filtered by type, by how long they have waited and by expiring soon.
/// Verifying or declining writes the vendor's row from inside its organisation, records it in the vendor's audit
/// log and tells the vendor (a declined one with the operator's reason).
/// </summary>
public static class CertificationReview
{
    public const int QueueSize = 200;

    public static RouteGroupBuilder MapCertificationReview(this RouteGroupBuilder api)
    {
        var queue = api.MapGroup("/operator/certifications").WithTags("Operator");
        queue.MapGet("/", Queue).RequirePlatformOperator().WithName("CertificationQueue")
            .WithSummary("Certifications with evidence waiting for verification, oldest first; filters: type, waitedDays (at least), expiring (within 6 months)");
        queue.MapPost("/{certificationId:guid}/verify", Verify).RequirePlatformOperator().WithName("VerifyCertification")
            .WithSummary("Mark a certification verified after checking its evidence; the vendor is told (platform operators)");
        queue.MapPost("/{certificationId:guid}/reject", Reject).RequirePlatformOperator().Validate<RejectCertificationRequest>().WithName("RejectCertification")
            .WithSummary("Decline to verify, with the reason the vendor is told; it leaves the queue until the vendor changes it (platform operators)");
        queue.MapGet("/{certificationId:guid}/evidence", (Guid certificationId, MarketplaceDbContext db, IFileStorage storage, CancellationToken ct) =>
                CertificationEndpoints.Download(db.Certifications.Where(c => c.Id == certificationId), storage, ct))
            .RequirePlatformOperator().WithName("OperatorDownloadCertificationEvidence").ProducesFile().WithSummary("A certification's evidence (platform operators)");
        return api;
    }


    public sealed class RejectValidator : AbstractValidator<RejectCertificationRequest>
    {
        public RejectValidator()
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop).Required("certification.rejectionReason")
                .MaxChars("certification.rejectionReason", Certification.RejectionReasonMaxLength);
        }
    }

    /// <param name="waitedDays">Only those waiting at least this many days.</param>
    /// <param name="expiring">Only those ending within <see cref="Certification.ExpiringWithinMonths"/> months (or already ended).</param>
    private static async Task<Results<Ok<List<QueuedCertificationDto>>, ValidationProblem>> Queue(MarketplaceDbContext db, TimeProvider clock, string? type,
        int? waitedDays, bool? expiring, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (type is not null && !CertificationTypes.All.ContainsKey(type))
            errors["type"] = [TextCatalogue.Say("certification.queue.type", new { codes = string.Join(TextCatalogue.Say("common.nameSeparator"), CertificationTypes.Codes) })];
        if (waitedDays is < 0 or > 3650)
            errors["waitedDays"] = [TextCatalogue.Say("certification.queue.waitedDays")];
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);

        var now = clock.GetUtcNow();
        var query = db.Certifications.AsNoTracking().Where(c => c.VerifiedAt == null && c.RejectedAt == null && c.EvidenceKey != null);
        if (type is not null) query = query.Where(c => c.Type == type);
        if (waitedDays is { } days) query = query.Where(c => c.UpdatedAt <= now.AddDays(-days));
        if (expiring == true)
        {
            var horizon = clock.Today().AddMonths(Certification.ExpiringWithinMonths);
            query = query.Where(c => c.ValidTo <= horizon);
        }
        var waiting = await query.OrderBy(c => c.UpdatedAt).Take(QueueSize)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { c, o.Name })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(waiting.Select(w => new QueuedCertificationDto(w.c.OrganisationId, w.Name, CertificationDto.From(w.c), w.c.UpdatedAt)).ToList());
    }

    private static Task<Results<Ok<CertificationDto>, ProblemHttpResult>> Verify(Guid certificationId, CurrentActor actor, IServiceScopeFactory scopes,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(certificationId, actor, scopes, db, http, clock, AuditActions.CertificationVerified, NotificationTypes.CertificationVerified, null, cancellationToken);

    private static Task<Results<Ok<CertificationDto>, ProblemHttpResult>> Reject(Guid certificationId, RejectCertificationRequest request, CurrentActor actor,
        IServiceScopeFactory scopes, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(certificationId, actor, scopes, db, http, clock, AuditActions.CertificationRejected, NotificationTypes.CertificationRejected,
            request.Reason!.Trim(), cancellationToken);

    /// <param name="reason">Null: verify; otherwise decline with this reason.</param>
    private static async Task<Results<Ok<CertificationDto>, ProblemHttpResult>> DecideAsync(Guid certificationId, CurrentActor actor, IServiceScopeFactory scopes,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, string auditAction, string notificationType, string? reason, CancellationToken cancellationToken)
    {
        var owner = await db.Certifications.AsNoTracking().Where(c => c.Id == certificationId).Select(c => (Guid?)c.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        if (owner is null) return CertificationEndpoints.NotFound();
        // The row belongs to the vendor: the operator writes it from a scope acting inside that organisation.
        var (scope, vendorDb) = scopes.CreateTenantScope(owner, actor.UserId);
        await using var _ = scope;
        var certification = await vendorDb.Certifications.SingleAsync(c => c.Id == certificationId, cancellationToken);
        if (certification.EvidenceKey is null)
            return ApiProblems.Conflict(
                TextCatalogue.Say("certification.noEvidence.title"), TextCatalogue.Say("certification.noEvidence"));
        var now = clock.GetDatabaseNow();
        if (reason is null) certification.Verify(actor.RequireUserId(), now);
        else certification.Reject(actor.RequireUserId(), reason, now);
        var (typeJa, typeEn) = certification.Type == "other" && certification.OtherName is { } other ? (other, other) : CertificationTypes.All[certification.Type];
        vendorDb.Notifications.Add(new Notification(certification.OrganisationId, notificationType, JsonSerializer.Serialize(
            new { certificationTypeJa = typeJa, certificationTypeEn = typeEn, registrationNumber = certification.RegistrationNumber, reason }, MessageTypes.Json), now));
        await CertificationEndpoints.SaveWithAuditAsync(vendorDb, actor, auditAction, certification, http, cancellationToken,
            new { certification.Type, certification.RegistrationNumber, reason });
        return TypedResults.Ok(CertificationDto.From(certification));
    }
}
