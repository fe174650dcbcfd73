using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Members;

public sealed record MemberDto(Guid Id, Guid UserId, string Email, string Role, DateTimeOffset JoinedAt);

public sealed record ChangeRoleRequest(string? Role);

/// <summary>
/// The active organisation's members. Owners and admins change roles and remove members; only an owner makes or
/// unmakes an owner; anyone may leave; the last owner can neither leave nor be demoted (409), checked under a lock
/// so two owners demoting each other at once cannot leave the organisation without one.
/// </summary>
public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Members");

        group.MapGet("/", List)
            .RequireMember(ApiScopes.OrganisationRead)
            .WithName("ListMembers")
            .WithSummary("The active organisation's members");

        group.MapPatch("/{memberId:guid}", ChangeRole)
            .RequireMember(null, OrganisationRoles.Owner, OrganisationRoles.Admin)
            .Validate<ChangeRoleRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ChangeMemberRole")
            .WithSummary("Give a member another role");

        group.MapDelete("/{memberId:guid}", Remove)
            .RequireMember(null)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RemoveMember")
            .WithSummary("Remove a member (owners and admins), or leave the organisation (anyone, for themself)");

        return api;
    }

    public sealed class Validator : AbstractValidator<ChangeRoleRequest>
    {
        public Validator() => RuleFor(x => x.Role).Required("member.role").MaxChars("member.role", OrganisationRoles.MaxLength);
    }

    private static async Task<Ok<List<MemberDto>>> List(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking()
            .OrderBy(m => m.CreatedAt)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberDto(m.Id, u.Id, u.Email!, m.Role, m.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(members);
    }

    private static async Task<Results<Ok<MemberDto>, ValidationProblem, ProblemHttpResult>> ChangeRole(Guid memberId, ChangeRoleRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (ValidationRules.RoleProblem(actor.OrganisationKind!.Value, request.Role!) is { } wrongRole)
            return wrongRole;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owners = await LockOwnersAsync(db, cancellationToken);
        var member = await db.Memberships.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
            return ApiProblems.NotFound("There is no member with this id in your organisation.");
        if ((member.Role == OrganisationRoles.Owner || request.Role == OrganisationRoles.Owner) && actor.Role != OrganisationRoles.Owner)
            return ApiProblems.Forbidden(Localization.CurrentLanguage == "en"
                ? "Only an owner can make or unmake an owner."
                : "オーナーの任命・解除はオーナーのみが行えます。");
        if (member.Role == OrganisationRoles.Owner && request.Role != OrganisationRoles.Owner && owners == 1)
            return LastOwner();

        var previous = member.Role;
        member.ChangeRole(request.Role!);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(actor.OrganisationId, actor.AuditName, AuditActions.MemberRoleChanged, "membership",
            member.Id.ToString(), http.Connection.RemoteIpAddress?.ToString(), new { userId = member.UserId, from = previous, to = member.Role }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.Email!).SingleAsync(cancellationToken);
        return TypedResults.Ok(new MemberDto(member.Id, member.UserId, email, member.Role, member.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid memberId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owners = await LockOwnersAsync(db, cancellationToken);
        var member = await db.Memberships.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
            return ApiProblems.NotFound("There is no member with this id in your organisation.");
        var leaving = member.UserId == actor.UserId;
        if (!leaving && !OrganisationRoles.Managers.Contains(actor.Role))
            return ApiProblems.Forbidden();
        if (!leaving && member.Role == OrganisationRoles.Owner && actor.Role != OrganisationRoles.Owner)
            return ApiProblems.Forbidden(Localization.CurrentLanguage == "en"
                ? "Only an owner can remove an owner."
                : "オーナーを外せるのはオーナーのみです。");
        if (member.Role == OrganisationRoles.Owner && owners == 1)
            return LastOwner();

        db.Memberships.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(actor.OrganisationId, actor.AuditName, AuditActions.MemberRemoved, "membership",
            member.Id.ToString(), http.Connection.RemoteIpAddress?.ToString(), new { userId = member.UserId, role = member.Role, leaving }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Locks the organisation's owner rows for this transaction and counts them.</summary>
    private static async Task<int> LockOwnersAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = db.Tenant.OrganisationId!.Value;
        var owners = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM memberships WHERE organisation_id = {organisationId} AND role = {OrganisationRoles.Owner} FOR UPDATE
            """).ToListAsync(cancellationToken);
        return owners.Count;
    }

    private static ProblemHttpResult LastOwner() => ApiProblems.Conflict(
        Localization.CurrentLanguage == "en" ? "The organisation needs an owner." : "組織にはオーナーが必要です。",
        Localization.CurrentLanguage == "en"
            ? "This is the last owner. Make another member an owner first."
            : "最後のオーナーは外せません。先に別のメンバーをオーナーにしてください。");
}
