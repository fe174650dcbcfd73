using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Notifications;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

public sealed record InviteVendorsRequest(Guid[]? VendorIds);

public sealed class InviteVendorsRequestValidator : AbstractValidator<InviteVendorsRequest>
{
    public const int MaxInvitationsAtOnce = 50;

    public InviteVendorsRequestValidator() => RuleFor(x => x.VendorIds).Must(ids => ids is { Length: > 0 and <= MaxInvitationsAtOnce })
        .WithMessage(_ => TextCatalogue.Say("rfp.invite.vendors", new { max = MaxInvitationsAtOnce }));
}

/// <summary>Invites listed vendors to a published RFP (the only ones who see an invite-only one); each is told once, whoever clicks twice.</summary>
public static class InviteVendors
{
    public static async Task<Results<Ok<RfpActivityDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid rfpId, InviteVendorsRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        rfp.EnsurePublished(RfpMove.Invite);
        var wanted = request.VendorIds!.Distinct().ToArray();
        var listed = await db.VendorSearchEntries.AsNoTracking().Where(e => wanted.Contains(e.OrganisationId) && e.Listed)
            .Select(e => e.OrganisationId).ToListAsync(cancellationToken);
        if (listed.Count != wanted.Length) return ValidationRules.FieldProblem("vendorIds", TextCatalogue.Say("rfp.invite.notListed"));
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
        return TypedResults.Ok(await RfpActivity.ReadAsync(db, rfpId, clock, cancellationToken));
    }
}
