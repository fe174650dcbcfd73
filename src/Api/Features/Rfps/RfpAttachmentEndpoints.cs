using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record RfpAttachmentDto(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    public static RfpAttachmentDto From(RfpAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt);
}

/// <summary>
/// An RFP's attached documents, under the platform's upload rules (<see cref="EvidenceUploads"/>): added and removed
/// while the RFP is a draft, downloaded by the client and, once published, by the vendors that see it.
/// </summary>
public static class RfpAttachmentEndpoints
{
    public static RouteGroupBuilder MapRfpAttachmentEndpoints(this RouteGroupBuilder group, string[] editors)
    {
        group.MapGet("/{rfpId:guid}/attachments", List).RequireMember(ApiScopes.RfpsRead).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("ListRfpAttachments").WithSummary("The RFP's attached documents");
        group.MapPost("/{rfpId:guid}/attachments", Upload).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(EvidenceUploads.RequestLimit))
            .WithName("UploadRfpAttachment")
            .WithSummary("Attach a document as multipart/form-data field \"file\" (PDF, PNG or JPEG, at most 10 MB); 409 once published");
        group.MapGet("/{rfpId:guid}/attachments/{attachmentId:guid}", Download).RequireMember(ApiScopes.RfpsRead).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("DownloadRfpAttachment").ProducesFile().WithSummary("An attached document, as a download");
        group.MapDelete("/{rfpId:guid}/attachments/{attachmentId:guid}", Remove).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("RemoveRfpAttachment").WithSummary("Remove an attached document; 409 once published");
        return group;
    }


    private static ProblemHttpResult NoSuchAttachment() =>
        ApiProblems.NotFound(TextCatalogue.Say("rfp.attachment.notFound"));

    private static async Task<Ok<List<RfpAttachmentDto>>> List(Guid rfpId, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListAsync(db.RfpAttachments, rfpId, cancellationToken)).Select(RfpAttachmentDto.From).ToList());

    /// <summary>An RFP's attachments in the order they were added (the vendor side passes its own view of the table).</summary>
    public static Task<List<RfpAttachment>> ListAsync(IQueryable<RfpAttachment> attachments, Guid rfpId, CancellationToken cancellationToken) =>
        attachments.AsNoTracking().Where(a => a.RfpId == rfpId).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);

    /// <summary>Serves one attachment from the given view of the table (404 when the view does not hold it).</summary>
    public static async Task<IResult> ServeAsync(IQueryable<RfpAttachment> attachments, Guid rfpId, Guid attachmentId, IFileStorage storage, CancellationToken cancellationToken)
    {
        var attachment = await attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.RfpId == rfpId, cancellationToken);
        return attachment is null ? NoSuchAttachment()
            : await EvidenceUploads.ServeAsync(storage, attachment.FileKey, attachment.ContentType, attachment.FileName, cancellationToken) ?? NoSuchAttachment();
    }

    private static Task<IResult> Download(Guid rfpId, Guid attachmentId, MarketplaceDbContext db, IFileStorage storage, CancellationToken cancellationToken) =>
        ServeAsync(db.RfpAttachments, rfpId, attachmentId, storage, cancellationToken);

    private static async Task<Results<Created<RfpAttachmentDto>, ValidationProblem, ProblemHttpResult>> Upload(Guid rfpId, CurrentActor actor,
        MarketplaceDbContext db, IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        rfp.EnsureDraft(RfpMove.ChangeAttachments);
        if (await db.RfpAttachments.CountAsync(a => a.RfpId == rfpId, cancellationToken) >= RfpAttachment.MaxPerRfp)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["file"] = [TextCatalogue.Say("rfp.attachment.tooMany", new { max = RfpAttachment.MaxPerRfp })],
            });
        var (upload, problem) = await EvidenceUploads.ReadAsync(http.Request, "attachment", cancellationToken);
        if (upload is null) return problem!;
        var key = await upload.StoreAsync(storage, cancellationToken);
        var attachment = new RfpAttachment(rfpId, rfp.OrganisationId, key, upload.FileName, upload.Kind.ContentType, upload.File.Length, clock.GetDatabaseNow());
        db.RfpAttachments.Add(attachment);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpAttachmentAdded, "rfp", rfpId.ToString(),
                http.Connection.RemoteIpAddress?.ToString(), new { attachment.FileName, attachment.ContentType, attachment.Size }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None); // nothing saved: no orphan file either
            throw;
        }
        return TypedResults.Created($"/api/v1/rfps/{rfpId}/attachments/{attachment.Id}", RfpAttachmentDto.From(attachment));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid rfpId, Guid attachmentId, CurrentActor actor, MarketplaceDbContext db,
        IFileStorage storage, HttpContext http, CancellationToken cancellationToken)
    {
        var attachment = await db.RfpAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.RfpId == rfpId, cancellationToken);
        if (attachment is null) return NoSuchAttachment();
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        rfp.EnsureDraft(RfpMove.ChangeAttachments);
        db.RfpAttachments.Remove(attachment);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpAttachmentRemoved, "rfp", rfpId.ToString(),
                http.Connection.RemoteIpAddress?.ToString(), new { attachment.FileName }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await storage.DeleteAsync(attachment.FileKey, cancellationToken); // after the commit: never a row without its file
        return TypedResults.NoContent();
    }
}
