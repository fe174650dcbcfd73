using System.Text.Json;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.AuditLog;

/// <param name="ActorName">Who acted, as people know them: a member's e-mail, an API client's name; null for "system" and "anonymous".</param>
/// <param name="ObjectName">What the object is called now (an RFP's title, a member's e-mail); null when it is gone or not visible.</param>
/// <param name="RfpId">The RFP the object belongs to (an RFP, a proposal, a contract), for a link.</param>
public sealed record AuditEntryDto(long Id, DateTimeOffset OccurredAt, string Actor, string? ActorEmail, string? ActorName, string Action, string? ObjectType,
    string? ObjectId, string? ObjectName, Guid? RfpId, string? IpAddress, JsonElement? Data);

/// <param name="NextBefore">Pass as "before" for the next (older) page; null on the last page.</param>
public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Entries, long? NextBefore);

/// <summary>The active organisation's audit log, newest first, for its owners (and API clients with audit.read).</summary>
public static class AuditLogEndpoints
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-log", List)
            .RequireMember(ApiScopes.AuditRead, OrganisationRoles.Owner)
            .WithTags("Audit log")
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, filtered by action prefix, actor and time; keyset pages by id");
        return api;
    }

    /// <param name="action">Entries whose action starts with this (for example "member.").</param>
    /// <param name="actor">A user id, "client:{clientId}", "system" or "anonymous".</param>
    /// <param name="before">Only entries older than this id (the previous page's nextBefore).</param>
    private static async Task<Results<Ok<AuditPageDto>, ValidationProblem>> List(MarketplaceDbContext db, string? action, string? actor,
        DateTimeOffset? from, DateTimeOffset? to, long? before, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var english = Localization.CurrentLanguage == "en";
        if (limit is < 1 or > MaxPageSize)
            errors["limit"] = [english ? $"Limit must be between 1 and {MaxPageSize}." : $"件数は 1 から {MaxPageSize} の範囲で指定してください。"];
        if (from is not null && to is not null && from > to)
            errors["to"] = [english ? "The end must not be before the start." : "終了日時は開始日時より後にしてください。"];
        if (action is { Length: > 100 } || actor is { Length: > 200 })
            errors[action is { Length: > 100 } ? "action" : "actor"] = [english ? "Too long." : "長すぎます。"];
        if (errors.Count > 0)
            return ValidationRules.FieldProblem(errors);

        var size = limit ?? 50;
        var query = db.AuditEntries.AsNoTracking(); // the "Tenant" filter and row-level security keep it to this organisation
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(e => e.Action.StartsWith(action.Trim()));
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(e => e.Actor == actor.Trim());
        if (from is not null) query = query.Where(e => e.OccurredAt >= from);
        if (to is not null) query = query.Where(e => e.OccurredAt <= to);
        if (before is not null) query = query.Where(e => e.Id < before);

        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1)
            .GroupJoin(db.Users, e => e.Actor, u => u.Id.ToString(), (e, users) => new { e, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.e, Email = u == null ? null : u.Email })
            .ToListAsync(cancellationToken);
        rows = rows.OrderByDescending(r => r.e.Id).ToList();
        var shown = rows.Take(size).ToList();
        var names = await AuditObjectNames.ForAsync(db, shown.Select(r => r.e).ToList(), english, cancellationToken);
        var clients = await AuditObjectNames.ApiClientActorsAsync(db, shown.Select(r => r.e).ToList(), cancellationToken);
        var page = shown.Select(r =>
        {
            var name = r.e.ObjectType is { } type && r.e.ObjectId is { } id ? names.GetValueOrDefault((type, id)) : null;
            return new AuditEntryDto(r.e.Id, r.e.OccurredAt, r.e.Actor, r.Email, r.Email ?? clients.GetValueOrDefault(r.e.Actor), r.e.Action, r.e.ObjectType,
                r.e.ObjectId, name?.Name, name?.RfpId, r.e.IpAddress, r.e.Data is null ? null : JsonDocument.Parse(r.e.Data).RootElement.Clone());
        }).ToList();
        return TypedResults.Ok(new AuditPageDto(page, rows.Count > size ? page[^1].Id : null));
    }
}
