using System.Text.Json;
using Marketplace.Api.Features.Organisations;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Notifications;

public sealed record NotificationListDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>
/// The active organisation's in-app notifications (the Workers write them, once per event): the latest with the
/// unread count for the header, and marking read. Another organisation's notification is 404.
/// </summary>
public static class NotificationEndpoints
{
    public const int Latest = 30;

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", List).RequireMember(ApiScopes.OrganisationRead).WithName("ListNotifications")
            .WithSummary($"The latest {Latest} notifications, newest first, and how many are unread");
        group.MapPost("/{notificationId:guid}/read", Read).RequireMember(null).WithName("MarkNotificationRead").WithSummary("Mark one notification read");
        group.MapPost("/read-all", ReadAll).RequireMember(null).WithName("MarkAllNotificationsRead").WithSummary("Mark every notification read");
        return api;
    }

    private static async Task<Ok<NotificationListDto>> List(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var unread = await db.Notifications.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(Latest)
            .Select(n => new { n.Id, n.Type, n.Data, n.CreatedAt, n.ReadAt }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationListDto(unread,
            items.Select(n => new NotificationDto(n.Id, n.Type, JsonDocument.Parse(n.Data).RootElement.Clone(), n.CreatedAt, n.ReadAt)).ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(Guid notificationId, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId, cancellationToken);
        if (notification is null)
            return ApiProblems.NotFound(Localization.CurrentLanguage == "en" ? "There is no such notification in your organisation." : "この通知は、あなたの組織にありません。");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAll(MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
