using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Vendors;

public sealed record CertificationInput(string? Type, string? OtherName, string? RegistrationNumber, string? Scope, string? Issuer, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record EvidenceDto(string FileName, string ContentType, long Size);

/// <summary>An operator's refusal to verify, as the vendor reads it.</summary>
public sealed record CertificationRejectionDto(string Reason, DateTimeOffset At);

/// <param name="Rejection">Set when an operator declined to verify the certification as it stands; cleared by any change.</param>
public sealed record CertificationDto(Guid Id, string Type, string? OtherName, string RegistrationNumber, string? Scope, string? Issuer,
    DateOnly ValidFrom, DateOnly ValidTo, EvidenceDto? Evidence, bool Verified, DateTimeOffset? VerifiedAt, DateTimeOffset UpdatedAt, string Status,
    CertificationRejectionDto? Rejection)
{
    /// <param name="c">Its <see cref="Status"/> is judged on today's date in Japan.</param>
    public static CertificationDto From(Certification c) => new(c.Id, c.Type, c.OtherName, c.RegistrationNumber, c.Scope, c.Issuer, c.ValidFrom, c.ValidTo,
        c.EvidenceKey is null ? null : new EvidenceDto(c.EvidenceFileName!, c.EvidenceContentType!, c.EvidenceSize!.Value), c.IsVerified, c.VerifiedAt, c.UpdatedAt,
        c.StatusOn(TimeProvider.System.Today()), c.RejectedAt is { } at ? new CertificationRejectionDto(c.RejectionReason!, at) : null);
}


/// <summary>
/// A vendor's certifications and their evidence files; the platform operators' verification queue. Evidence is a
/// PDF, PNG or JPEG (judged by its first bytes), at most 10 MB, kept outside the web root under a server-made name,
/// and served only to the vendor's members and to operators, always as a download.
/// </summary>
public static class CertificationEndpoints
{

    public static RouteGroupBuilder MapCertificationEndpoints(this RouteGroupBuilder api)
    {
        var editors = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Sales };
        var group = api.MapGroup("/vendor-profile/certifications").WithTags("Vendor profile");
        group.MapGet("/", List).RequireMember(ApiScopes.VendorProfileRead).WithName("ListCertifications")
            .WithSummary("The active vendor's certifications");
        group.MapPost("/", Create).RequireMember(ApiScopes.VendorProfileWrite, editors).Validate<CertificationInput>().Idempotent().WithName("AddCertification")
            .WithSummary("Add a certification (unverified until an operator checks it)");
        group.MapPut("/{certificationId:guid}", Update).RequireMember(ApiScopes.VendorProfileWrite, editors).RequireOwned<RouteHandlerBuilder, Certification>("certificationId")
            .Validate<CertificationInput>().WithName("UpdateCertification")
            .WithSummary("Change a certification; a change to a verified one clears the verification");
        group.MapDelete("/{certificationId:guid}", Delete).RequireMember(ApiScopes.VendorProfileWrite, editors).WithName("DeleteCertification")
            .WithSummary("Remove a certification and its evidence");
        // The form is read in the handler, after the checks: a foreign id answers 404 whatever the body is.
        group.MapPut("/{certificationId:guid}/evidence", Upload).RequireMember(ApiScopes.VendorProfileWrite, editors).RequireOwned<RouteHandlerBuilder, Certification>("certificationId")
            .DisableAntiforgery() // bearer tokens, no cookies: no CSRF
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceUploads.RequestLimit))
            .WithName("UploadCertificationEvidence")
            .WithSummary("Attach the evidence file as multipart/form-data field \"file\" (PDF, PNG or JPEG, at most 10 MB); clears the verification");
        group.MapGet("/{certificationId:guid}/evidence", (Guid certificationId, MarketplaceDbContext db, IFileStorage storage, CancellationToken ct) =>
                Download(db.Certifications.Where(c => c.Id == certificationId && c.OrganisationId == db.Tenant.OrganisationId), storage, ct))
            .RequireMember(ApiScopes.VendorProfileRead).WithName("DownloadCertificationEvidence").ProducesFile().WithSummary("The evidence file, as a download");

        return api;
    }

    public sealed class Validator : AbstractValidator<CertificationInput>
    {
        public Validator()
        {
            RuleFor(x => x.Type).Cascade(CascadeMode.Stop).Required("certification.type").OneOf("certification.type", CertificationTypes.All);
            RuleFor(x => x.OtherName).Cascade(CascadeMode.Stop).Required("certification.otherName").MaxChars("certification.otherName", Certification.TextMaxLength)
                .When(x => x.Type == "other");
            RuleFor(x => x.RegistrationNumber).Cascade(CascadeMode.Stop).Required("certification.registrationNumber")
                .MaxChars("certification.registrationNumber", Certification.TextMaxLength);
            RuleFor(x => x.Scope).MaxChars("certification.scope", Certification.TextMaxLength * 5);
            RuleFor(x => x.Issuer).MaxChars("certification.issuer", Certification.TextMaxLength);
            RuleFor(x => x.ValidFrom).NotNull().WithMessage(_ => ValidationRules.RequiredMessage("certification.validFrom"));
            RuleFor(x => x.ValidTo).NotNull().WithMessage(_ => ValidationRules.RequiredMessage("certification.validTo"));
            RuleFor(x => x.ValidTo).Must((x, to) => to >= x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
                .WithMessage(_ => Localization.CurrentLanguage == "en" ? "Valid to must not be before valid from." : "有効期限は有効開始日以降の日付にしてください。");
        }
    }

    private static async Task<Results<Ok<List<CertificationDto>>, ProblemHttpResult>> List(CurrentActor actor, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (actor.OrganisationKind != OrganisationKind.Vendor) return NotAVendor();
        var certifications = await db.Certifications.AsNoTracking().Where(c => c.OrganisationId == actor.OrganisationId)
            .OrderBy(c => c.Type).ThenBy(c => c.ValidTo).ToListAsync(cancellationToken);
        return TypedResults.Ok(certifications.Select(CertificationDto.From).ToList());
    }

    private static async Task<Results<Created<CertificationDto>, ProblemHttpResult>> Create(CertificationInput input, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (actor.OrganisationKind != OrganisationKind.Vendor) return NotAVendor();
        var now = clock.GetDatabaseNow();
        var certification = new Certification(actor.OrganisationId!.Value, now);
        Describe(certification, input, now);
        db.Certifications.Add(certification);
        await SaveWithAuditAsync(db, actor, AuditActions.CertificationAdded, certification, http, cancellationToken);
        return TypedResults.Created($"/api/v1/vendor-profile/certifications/{certification.Id}", CertificationDto.From(certification));
    }

    private static async Task<Results<Ok<CertificationDto>, ProblemHttpResult>> Update(Guid certificationId, CertificationInput input, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnAsync(db, certificationId, cancellationToken) is not { } certification) return NotFound();
        var wasVerified = certification.IsVerified;
        if (Describe(certification, input, clock.GetDatabaseNow()))
            await SaveWithAuditAsync(db, actor, AuditActions.CertificationChanged, certification, http, cancellationToken, new { verificationCleared = wasVerified });
        return TypedResults.Ok(CertificationDto.From(certification));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid certificationId, CurrentActor actor, MarketplaceDbContext db, IFileStorage storage,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await OwnAsync(db, certificationId, cancellationToken) is not { } certification) return NotFound();
        db.Certifications.Remove(certification);
        await SaveWithAuditAsync(db, actor, AuditActions.CertificationRemoved, certification, http, cancellationToken);
        if (certification.EvidenceKey is { } key) await storage.DeleteAsync(key, cancellationToken); // after the commit: never a row without its file
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CertificationDto>, ValidationProblem, ProblemHttpResult>> Upload(Guid certificationId, CurrentActor actor,
        MarketplaceDbContext db, IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnAsync(db, certificationId, cancellationToken) is not { } certification) return NotFound();
        var (upload, problem) = await EvidenceUploads.ReadAsync(http.Request, "evidence", cancellationToken);
        if (upload is null) return problem!;
        var key = await upload.StoreAsync(storage, cancellationToken);
        var previous = certification.EvidenceKey;
        var (fileName, kind, length) = (upload.FileName, upload.Kind, upload.File.Length);
        certification.AttachEvidence(key, fileName, kind.ContentType, length, clock.GetDatabaseNow());
        try
        {
            await SaveWithAuditAsync(db, actor, AuditActions.CertificationEvidenceUploaded, certification, http, cancellationToken, new { fileName, kind.ContentType, Length = length });
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None); // nothing saved: no orphan file either
            throw;
        }
        if (previous is not null) await storage.DeleteAsync(previous, cancellationToken);
        return TypedResults.Ok(CertificationDto.From(certification));
    }

    /// <summary>Always an attachment, with the type we detected and no sniffing: never rendered inline.</summary>
    internal static async Task<IResult> Download(IQueryable<Certification> query, IFileStorage storage, CancellationToken cancellationToken)
    {
        var certification = await query.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return certification?.EvidenceKey is null ? NotFound()
            : await EvidenceUploads.ServeAsync(storage, certification.EvidenceKey, certification.EvidenceContentType!, certification.EvidenceFileName!, cancellationToken) ?? NotFound();
    }

    private static bool Describe(Certification c, CertificationInput i, DateTimeOffset now) =>
        c.Describe(i.Type!, i.Type == "other" ? i.OtherName?.Trim() : null, i.RegistrationNumber!.Trim(),
            string.IsNullOrWhiteSpace(i.Scope) ? null : i.Scope.Trim(), string.IsNullOrWhiteSpace(i.Issuer) ? null : i.Issuer.Trim(),
            i.ValidFrom!.Value, i.ValidTo!.Value, now);

    private static Task<Certification?> OwnAsync(MarketplaceDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Certifications.FirstOrDefaultAsync(c => c.Id == id && c.OrganisationId == db.Tenant.OrganisationId, cancellationToken);

    internal static async Task SaveWithAuditAsync(MarketplaceDbContext db, CurrentActor actor, string action, Certification c, HttpContext http,
        CancellationToken cancellationToken, object? data = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(c.OrganisationId, actor.AuditName, action, "certification", c.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), data ?? new { c.Type, c.RegistrationNumber }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static ProblemHttpResult NotFound() => ApiProblems.NotFound("There is no certification with this id in your organisation.");

    private static ProblemHttpResult NotAVendor() => ApiProblems.NotFound(Localization.CurrentLanguage == "en"
        ? "Only vendor organisations have certifications. Choose a vendor organisation in the header."
        : "認証はベンダーの組織にのみ登録できます。ヘッダーでベンダーの組織を選んでください。");
}
