using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
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
        var notifications = 0;
        for (var attempt = 0; attempt < 60 && notifications == 0; attempt++)
        {
            await Task.Delay(500);
            await using var db = Database.Open(organisation);
            notifications = (await db.Notifications.Where(n => n.Type == "rfp.closed").Select(n => n.Data).ToListAsync()).Count(d => d.Contains(rfpId.ToString()));
        }
        Assert.Equal(1, notifications);
    }

    private sealed class NineAndAHalfDaysLater : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(9.5);
    }

    [Fact]
    public async Task Two_workers_remind_a_participant_once_a_day_before_the_deadline()
    {
        await using var first = await WorkersHostFixture.StartAsync();
        await using var second = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var (organisation, rfpId) = await TestRfps.PublishAsync(api); // proposals close in 10 days
        var vendorOwner = await People.SignedInAsync(api);
        var vendor = await vendorOwner.CreateOrganisationAsync("vendor");
        (await vendorOwner.Client(vendor).PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).EnsureSuccessStatusCode();

        var day = TimeSpan.FromHours(24);
        Assert.Equal(0, await RfpClosing.RemindDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, day, CancellationToken.None));
        var later = new NineAndAHalfDaysLater();
        await Task.WhenAll(
            RfpClosing.RemindDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, day, CancellationToken.None),
            RfpClosing.RemindDueAsync(second.Services.GetRequiredService<IServiceScopeFactory>(), later, day, CancellationToken.None));
        await RfpClosing.RemindDueAsync(first.Services.GetRequiredService<IServiceScopeFactory>(), later, day, CancellationToken.None);

        await Eventually.True(async () =>
        {
            await using var db = Database.Open(vendor);
            return await db.Notifications.AnyAsync(n => n.Type == "rfp.deadline");
        }, "the reminder");
        await MailCatcher.WaitForAsync(vendorOwner.Email, "提案締切まで 24 時間を切りました");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using (var db = Database.Open(vendor))
            Assert.Single((await db.Notifications.Where(n => n.Type == "rfp.deadline").Select(n => n.Data).ToListAsync()), d => d.Contains(rfpId.ToString()));
        // One notice was sent at all (the second Worker's claim found the reminder taken).
        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using var count = owner.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%rfp.deadline%' AND payload::text LIKE @rfp";
        count.Parameters.AddWithValue("rfp", $"%{rfpId}%");
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }
}
