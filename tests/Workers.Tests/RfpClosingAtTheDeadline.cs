using Marketplace.Core.Rfps;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Workers.Tests;

[Collection(BrokerCollection.Name)]
public sealed class RfpClosingAtTheDeadline
{
    /// <summary>The clock two months on: every deadline set today has passed.</summary>
    private sealed class TwoMonthsLater : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(60);
    }

    [Fact]
    public async Task Two_workers_closing_at_the_same_moment_close_an_rfp_once_and_announce_it_once()
    {
        await using var first = await WorkersHostFixture.StartAsync();
        await using var second = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var (organisation, rfpId) = await TestRfps.PublishAsync(api);

        // Not due yet by the real clock.
        await RfpClosing.CloseDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, CancellationToken.None);
        await using (var db = Database.Open(organisation))
            Assert.Equal(RfpStatus.Published, (await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId)).Status);

        var later = new TwoMonthsLater();
        await Task.WhenAll(
            RfpClosing.CloseDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, CancellationToken.None),
            RfpClosing.CloseDueAsync(second.Services.GetRequiredService<IServiceScopeFactory>(), later, CancellationToken.None));
        // And once more, as after a restart: nothing left to do for this RFP.
        await RfpClosing.CloseDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, CancellationToken.None);

        await using (var db = Database.Open(organisation))
        {
            var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId);
            Assert.Equal(RfpStatus.Closed, rfp.Status);
            Assert.NotNull(rfp.ClosedAt);
            var announcements = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType.Contains("RfpClosed") && m.OrganisationId == organisation).ToListAsync();
            Assert.Single(announcements, m => m.Payload.Contains(rfpId.ToString()));
            Assert.False(await db.RfpDeadlines.AnyAsync(d => d.RfpId == rfpId));
        }

        // RfpClosed reaches the client as one in-app notification (the Workers relay and consume it).
        async Task<int> ClosedNotices()
        {
            await using var db = Database.Open(organisation);
            return (await db.Notifications.Where(n => n.Type == "rfp.closed").Select(n => n.Data).ToListAsync()).Count(d => d.Contains(rfpId.ToString()));
        }
        await Eventually.True(async () => await ClosedNotices() > 0, "the rfp.closed notification");
        await Settled.QuietAsync();
        Assert.Equal(1, await ClosedNotices());
    }

    private sealed class NineAndAHalfDaysLater : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(9.5);
    }

    [Fact]
    public async Task Two_workers_remind_a_vendor_with_a_draft_proposal_once_a_day_before_the_deadline_and_nobody_else()
    {
        await using var first = await WorkersHostFixture.StartAsync();
        await using var second = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var (organisation, rfpId) = await TestRfps.PublishAsync(api); // proposals close in 10 days
        // One vendor is drafting a proposal; another only takes part.
        var drafterOwner = await People.SignedInAsync(api);
        var drafter = await drafterOwner.CreateOrganisationAsync("vendor");
        (await drafterOwner.Client(drafter).PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).EnsureSuccessStatusCode();
        var onlookerOwner = await People.SignedInAsync(api);
        var onlooker = await onlookerOwner.CreateOrganisationAsync("vendor");
        (await onlookerOwner.Client(onlooker).PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).EnsureSuccessStatusCode();

        var day = TimeSpan.FromHours(24);
        Assert.Equal(0, await RfpClosing.RemindDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, day, CancellationToken.None));
        var later = new NineAndAHalfDaysLater();
        await Task.WhenAll(
            RfpClosing.RemindDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, day, CancellationToken.None),
            RfpClosing.RemindDueAsync(second.Services.GetRequiredService<IServiceScopeFactory>(), later, day, CancellationToken.None));
        await RfpClosing.RemindDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, day, CancellationToken.None);

        await Eventually.True(async () =>
        {
            await using var db = Database.Open(drafter);
            return await db.Notifications.AnyAsync(n => n.Type == "rfp.deadline");
        }, "the reminder");
        await MailCatcher.WaitForAsync(drafterOwner.Email, "提案締切まで 24 時間を切りました");
        // One notice per participant was sent at all (the second Worker's claim found the reminder taken), and both
        // were delivered: the drafter's stored, the onlooker's dropped in its own context (it has no draft).
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = owner.CreateCommand();
        count.CommandText = """
            SELECT count(*), count(i.message_id) FROM outbox_messages o
            LEFT JOIN inbox_messages i ON i.message_id = o.id AND i.consumer LIKE '%DeliverNoticeConsumer'
            WHERE o.payload::text LIKE '%rfp.deadline%' AND o.payload::text LIKE @rfp
            """;
        count.Parameters.AddWithValue("rfp", $"%{rfpId}%");
        await Eventually.True(async () =>
        {
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            return reader.GetInt64(0) == 2 && reader.GetInt64(1) == 2;
        }, "both reminders delivered");
        await using (var db = Database.Open(drafter))
            Assert.Single((await db.Notifications.Where(n => n.Type == "rfp.deadline").Select(n => n.Data).ToListAsync()), d => d.Contains(rfpId.ToString()));
        await using (var db = Database.Open(onlooker))
            Assert.Empty(await db.Notifications.Where(n => n.Type == "rfp.deadline").ToListAsync());
        Assert.DoesNotContain(await MailCatcher.ForAsync(onlookerOwner.Email), m => m.Subject.Contains("提案締切"));
    }
}
