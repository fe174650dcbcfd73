using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Mail;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Invitations;

public sealed record InvitationDto(Guid Id, string Email, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record InviteRequest(string? Email, string? Role);

/// <summary>The three values of an invitation link.</summary>
public sealed record InvitationLinkRequest(Guid? OrganisationId, Guid? InvitationId, string? Token);

public sealed record InvitationPreviewDto(Guid OrganisationId, string OrganisationName, string OrganisationKind, string Role, string Email, DateTimeOffset ExpiresAt);

/// <summary>
/// Invitations by e-mail with a role. The link (organisation, invitation, random token) expires after seven days;
/// only the token's hash is stored. Accepting needs a signed-in person whose address is the invited one.
/// </summary>
public static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/invitations").WithTags("Invitations");

        group.MapGet("/", List)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .WithName("ListInvitations")
            .WithSummary("The active organisation's invitations, newest first");

        group.MapPost("/", Invite)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .Validate<InviteRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Idempotent().WithName("Invite")
            .WithSummary("Invite a person by e-mail with a role");

        group.MapDelete("/{invitationId:guid}", Revoke)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .WithName("RevokeInvitation")
            .WithSummary("Revoke a pending invitation; its link stops working");

        group.MapPost("/preview", Preview)
            .Validate<InvitationLinkRequest>()
            .RequireRateLimiting(RateLimiting.Registration)
            .WithName("PreviewInvitation")
            .WithSummary("What an invitation link offers (organisation and role), before signing in");

        group.MapPost("/accept", Accept)
            .RequireSignedInPerson()
            .Validate<InvitationLinkRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcceptInvitation")
            .WithSummary("Join the organisation of an invitation as the signed-in person");

        return api;
    }

    public sealed class InviteValidator : AbstractValidator<InviteRequest>
    {
        public InviteValidator()
        {
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Required("invitation.email").MaxChars("invitation.email", Organisation.EmailMaxLength).Email("invitation.email");
            RuleFor(x => x.Role).Cascade(CascadeMode.Stop).Required("member.role").MaxChars("member.role", OrganisationRoles.MaxLength);
        }
    }

    public sealed class LinkValidator : AbstractValidator<InvitationLinkRequest>
    {
        public LinkValidator()
        {
            RuleFor(x => x.OrganisationId).NotNull().WithMessage(_ => ValidationRules.InvalidLinkMessage());
            RuleFor(x => x.InvitationId).NotNull().WithMessage(_ => ValidationRules.InvalidLinkMessage());
            RuleFor(x => x.Token).Required("account.token").MaxChars("account.token", 200);
        }
    }

    private static string StatusOf(Invitation i, DateTimeOffset now) =>
        i.AcceptedAt is not null ? "accepted" : i.RevokedAt is not null ? "revoked" : now >= i.ExpiresAt ? "expired" : "pending";

    private static InvitationDto ToDto(Invitation i, DateTimeOffset now) => new(i.Id, i.Email, i.Role, StatusOf(i, now), i.CreatedAt, i.ExpiresAt);

    private static async Task<Ok<List<InvitationDto>>> List(MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(invitations.Select(i => ToDto(i, now)).ToList());
    }

    private static async Task<Results<Created<InvitationDto>, ValidationProblem, ProblemHttpResult>> Invite(InviteRequest request, CurrentActor actor,
        MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ValidationRules.RoleProblem(actor.OrganisationKind!.Value, request.Role!) is { } wrongRole)
            return wrongRole;
        if (request.Role == OrganisationRoles.Owner && actor.Role != OrganisationRoles.Owner)
            return ApiProblems.Forbidden(Localization.CurrentLanguage == "en" ? "Only an owner can invite an owner." : "オーナーとして招待できるのはオーナーのみです。");

        var email = request.Email!.Trim();
        var normalized = email.ToUpperInvariant();
        var alreadyMember = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail)
            .AnyAsync(e => e == normalized, cancellationToken);
        if (alreadyMember)
            return ApiProblems.Conflict(
                Localization.CurrentLanguage == "en" ? "Already a member" : "すでにメンバーです",
                Localization.CurrentLanguage == "en" ? "A person with this address is already a member of your organisation." : "このメールアドレスの方はすでに組織のメンバーです。");

        var now = clock.GetDatabaseNow();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A new invitation to the same address replaces the pending one: only the newest link works.
        foreach (var pending in await db.Invitations.Where(i => i.Email.ToUpper() == normalized && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
            pending.Revoke(now);
        var (invitation, token) = Invitation.Create(organisation.Id, email, request.Role!, actor.RequireUserId(), now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(organisation.Id, actor.AuditName, AuditActions.InvitationSent, "invitation", invitation.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { email, role = invitation.Role }), cancellationToken);
        var link = $"{site.Value.PublicUrl.TrimEnd('/')}/invitations/accept?organisation={organisation.Id}&invitation={invitation.Id}&token={token}";
        var language = organisation.PreferredLanguage;
        var (subject, body) = EmailTemplates.Invitation(language, organisation.Name, ValidationRules.RoleName(invitation.Role, language), link, Invitation.Lifetime.Days);
        await mail.SendAsync(new EmailMessage(email, null, subject, body), cancellationToken); // before commit: no mail, no invitation
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/invitations/{invitation.Id}", ToDto(invitation, now));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid invitationId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
            return ApiProblems.NotFound("There is no invitation with this id in your organisation.");
        if (invitation.IsPending(clock.GetUtcNow()))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            invitation.Revoke(clock.GetDatabaseNow());
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(actor.OrganisationId, actor.AuditName, AuditActions.InvitationRevoked, "invitation",
                invitation.Id.ToString(), http.Connection.RemoteIpAddress?.ToString(), new { invitation.Email }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Finds the pending invitation a link names, inside its organisation; null for a forged, used or expired link.</summary>
    private static async Task<Invitation?> FindPendingAsync(MarketplaceDbContext db, InvitationLinkRequest link, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == link.InvitationId, cancellationToken);
        return invitation is not null && invitation.Matches(link.Token!) && invitation.IsPending(clock.GetUtcNow()) ? invitation : null;
    }

    private static async Task<Results<Ok<InvitationPreviewDto>, ValidationProblem>> Preview(InvitationLinkRequest request, IServiceScopeFactory scopes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (scope, db) = scopes.CreateTenantScope(request.OrganisationId, userId: null);
        await using var _ = scope;
        if (await FindPendingAsync(db, request, clock, cancellationToken) is not { } invitation)
            return Features.Account.Passwords.InvalidLink();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
        return TypedResults.Ok(new InvitationPreviewDto(organisation.Id, organisation.Name, organisation.Kind.ToString().ToLowerInvariant(),
            invitation.Role, invitation.Email, invitation.ExpiresAt));
    }

    private static async Task<Results<Ok<InvitationPreviewDto>, ValidationProblem, ProblemHttpResult>> Accept(InvitationLinkRequest request, CurrentActor actor,
        IServiceScopeFactory scopes, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = actor.RequireUserId();
        var (scope, db) = scopes.CreateTenantScope(request.OrganisationId, userId);
        await using var _ = scope;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Lock the invitation row: two clicks at once make one membership.
        var invitation = await FindPendingAsync(db, request, clock, cancellationToken);
        if (invitation is null)
            return Features.Account.Passwords.InvalidLink();
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM invitations WHERE id = {invitation.Id} FOR UPDATE", cancellationToken);
        await db.Entry(invitation).ReloadAsync(cancellationToken);
        if (!invitation.IsPending(clock.GetUtcNow()))
            return Features.Account.Passwords.InvalidLink();

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        if (!string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Conflict(
                Localization.CurrentLanguage == "en" ? "This invitation is for another address" : "この招待は別のメールアドレス宛てです",
                Localization.CurrentLanguage == "en"
                    ? "Sign in with the address the invitation was sent to, then open the link again."
                    : "招待メールを受け取ったアドレスでサインインしてから、もう一度リンクを開いてください。");
        if (await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken))
            return ApiProblems.Conflict(
                Localization.CurrentLanguage == "en" ? "Already a member" : "すでにメンバーです",
                Localization.CurrentLanguage == "en" ? "You are already a member of this organisation." : "すでにこの組織のメンバーです。");

        var now = clock.GetDatabaseNow();
        invitation.Accept(userId, now);
        var membership = new Membership(invitation.OrganisationId, userId, invitation.Role, now);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        var ip = http.Connection.RemoteIpAddress?.ToString();
        await db.AppendAuditAsync(new AuditRecord(invitation.OrganisationId, actor.AuditName, AuditActions.InvitationAccepted, "invitation",
            invitation.Id.ToString(), ip), cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(invitation.OrganisationId, actor.AuditName, AuditActions.MemberAdded, "membership",
            membership.Id.ToString(), ip, new { userId, role = membership.Role }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
        return TypedResults.Ok(new InvitationPreviewDto(organisation.Id, organisation.Name, organisation.Kind.ToString().ToLowerInvariant(),
            invitation.Role, invitation.Email, invitation.ExpiresAt));
    }
}
