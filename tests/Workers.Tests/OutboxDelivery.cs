using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.TestSupport;
using Marketplace.Workers.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Workers.Tests;

[Collection(BrokerCollection.Name)]
public sealed class OutboxDelivery
{
    /// <summary>Registers an organisation with a contact address of its own, so its welcome mail can be counted.</summary>
    private static async Task<Guid> RegisterAsync(ApiFactory api, string prefix) => (await RegisterWithOwnerAsync(api, prefix)).Id;

    private static async Task<(Guid Id, Person Owner)> RegisterWithOwnerAsync(ApiFactory api, string prefix)
    {
        var person = await People.SignedInAsync(api);
        var response = await person.Client().PostAsJsonAsync("/api/v1/organisations",
            new { name = Database.UniqueName(prefix), kind = "client", contactEmail = ContactOf(prefix) });
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), person);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Contacts = new();
    private static string ContactOf(string prefix) => Contacts.GetOrAdd(prefix, _ => $"outbox-{Guid.NewGuid():N}@example.jp");

    private static async Task<int> WelcomeCount(Guid organisationId)
    {
        await using var db = Database.Open(organisationId);
        return await db.Notifications.CountAsync(n => n.OrganisationId == organisationId && n.Type == NotificationTypes.Welcome);
    }

    private static async Task<OutboxMessage> OutboxRow(Guid organisationId)
    {
        await using var db = Database.Open();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.OrganisationId == organisationId);
    }

    [Fact]
    public async Task A_commit_wakes_the_relay_without_waiting_for_its_poll()
    {
        // Polled once a minute: the welcome can only arrive sooner if the commit's NOTIFY woke the relay.
        await using var workers = await WorkersHostFixture.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:01:00" });
        await using var api = new ApiFactory();
        // A first welcome shows the relay has looked at the outbox and is waiting: from here only a NOTIFY wakes it.
        var first = await RegisterAsync(api, "通知起床テスト前株式会社");
        await Eventually.True(async () => await WelcomeCount(first) == 1, "the first welcome (the relay at work)", TimeSpan.FromSeconds(90));
        var id = await RegisterAsync(api, "通知起床テスト株式会社");
        await Eventually.True(async () => await WelcomeCount(id) == 1, "the welcome notification, well inside the poll interval", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_registration_reaches_the_workers_and_becomes_a_welcome_notification()
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();

        var (id, owner) = await RegisterWithOwnerAsync(api, "配信テスト株式会社");

        await Eventually.True(async () => await WelcomeCount(id) == 1, "the welcome notification");
        var row = await OutboxRow(id);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.FailedAt);

        // And the Api shows it to the organisation.
        var read = await owner.Client(id).GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{id}");
        var notification = read.GetProperty("notifications")[0];
        Assert.Equal(NotificationTypes.Welcome, notification.GetProperty("type").GetString());
        Assert.Equal(read.GetProperty("name").GetString(), notification.GetProperty("data").GetProperty("organisationName").GetString());
    }

    [Fact]
    public async Task A_change_committed_while_rabbitmq_is_down_is_delivered_once_it_is_back()
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();

        await Broker.StopAsync();
        Guid id;
        try
        {
            // The Api does not need the broker to accept the change: the message waits in the outbox.
            id = await RegisterAsync(api, "障害中登録株式会社");
            await Eventually.True(async () => (await OutboxRow(id)).Attempts > 0, "the relay to try and fail to publish");
            var waiting = await OutboxRow(id);
            Assert.Null(waiting.SentAt);
            Assert.NotNull(waiting.LastError);
            Assert.Equal(0, await WelcomeCount(id));
        }
        finally
        {
            await Broker.StartAsync();
        }

        await Eventually.True(async () => await WelcomeCount(id) == 1, "the welcome notification after the broker came back", TimeSpan.FromSeconds(90));
        Assert.NotNull((await OutboxRow(id)).SentAt);
        await Settled.QuietAsync(); // nothing more on its way: a duplicate would be here by now
        Assert.Equal(1, await WelcomeCount(id));
    }

    /// <summary>Dies at the worst moment: every row of the batch is published, none is marked sent.</summary>
    private sealed class RelayKilledBeforeCommit(IServiceScopeFactory scopes, MassTransit.IBus bus, Microsoft.Extensions.Options.IOptions<OutboxRelayOptions> options, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<OutboxRelay> logger)
        : OutboxRelay(scopes, bus, options, clock, logger)
    {
        protected override Task BeforeCommitAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("relay process killed after publishing");
    }

    [Fact]
    public async Task A_relay_killed_after_publishing_but_before_marking_sent_causes_no_second_side_effect()
    {
        await using var workers = await WorkersHostFixture.StartAsync(new Dictionary<string, string?> { ["Outbox:RelayEnabled"] = "false" });
        await using var api = new ApiFactory();
        using var duplicates = new DuplicateCounter();

        var id = await RegisterAsync(api, "再送テスト株式会社");

        var killed = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<RelayKilledBeforeCommit>(workers.Services);
        await Assert.ThrowsAsync<OperationCanceledException>(() => killed.RelayBatchAsync(CancellationToken.None));
        // The first publication arrived and had its effect, but the row still looks unsent...
        await Eventually.True(async () => await WelcomeCount(id) == 1, "the first delivery's notification");
        Assert.Null((await OutboxRow(id)).SentAt);

        // ...so the next relay publishes it again. The consumer's inbox recognises the message id.
        var relay = workers.Services.GetRequiredService<OutboxRelay>();
        while ((await relay.RelayBatchAsync(CancellationToken.None)).BatchWasFull) { }
        Assert.NotNull((await OutboxRow(id)).SentAt);
        await Eventually.True(() => Task.FromResult(duplicates.Count > 0), "the second delivery to reach the consumer");

        Assert.Equal(1, await WelcomeCount(id));
        await using var db = Database.Open();
        var messageId = (await OutboxRow(id)).Id;
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId && m.Consumer == typeof(Organisations.OrganisationRegisteredConsumer).FullName));
        // The other consumer of the same message, the welcome e-mail, also had its effect once.
        await MailCatcher.WaitForAsync(ContactOf("再送テスト株式会社"));
        Assert.Single(await MailCatcher.ForAsync(ContactOf("再送テスト株式会社")));
    }

    [Fact]
    public async Task A_row_that_can_never_be_published_is_set_aside_and_does_not_block_the_others()
    {
        await using var workers = await WorkersHostFixture.StartAsync(new Dictionary<string, string?> { ["Outbox:RelayEnabled"] = "false" });
        await using var api = new ApiFactory();
        var poisonId = Guid.CreateVersion7();
        await using (var db = Database.Open())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO outbox_messages (id, message_type, payload, created_at, attempts) VALUES ({poisonId}, 'System.Diagnostics.Process', '{{}}'::jsonb, now() - interval '1 minute', 0)");
        }
        var id = await RegisterAsync(api, "後続配信株式会社");

        var relay = workers.Services.GetRequiredService<OutboxRelay>();
        while ((await relay.RelayBatchAsync(CancellationToken.None)).BatchWasFull) { }

        await using var check = Database.Open();
        var poison = await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == poisonId);
        Assert.NotNull(poison.FailedAt);
        Assert.Null(poison.SentAt);
        Assert.Contains("Unknown message type", poison.LastError);
        await Eventually.True(async () => await WelcomeCount(id) == 1, "the message behind the poison row");
    }

    [Fact]
    public async Task Two_relays_running_at_once_never_publish_the_same_row_twice()
    {
        await using var workers = await WorkersHostFixture.StartAsync(new Dictionary<string, string?> { ["Outbox:RelayEnabled"] = "false", ["Outbox:BatchSize"] = "5" });
        await using var api = new ApiFactory();
        using var duplicates = new DuplicateCounter();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++) ids.Add(await RegisterAsync(api, $"並行配信{i}株式会社"));

        var relay = workers.Services.GetRequiredService<OutboxRelay>();
        async Task<int> Drain()
        {
            var total = 0;
            while (true)
            {
                var result = await relay.RelayBatchAsync(CancellationToken.None);
                total += result.Published;
                if (result.Published == 0) return total;
            }
        }
        var published = await Task.WhenAll(Drain(), Drain(), Drain());

        Assert.True(published.Sum() >= ids.Count);
        foreach (var id in ids)
            await Eventually.True(async () => await WelcomeCount(id) == 1, $"the notification of {id}");
        // Skipped duplicates would mean a row went out twice.
        Assert.Equal(0, duplicates.Count);
    }

    /// <summary>Counts the inbox's "duplicate skipped" metric while it lives.</summary>
    private sealed class DuplicateCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public DuplicateCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InboxMetrics.MeterName && instrument.Name == "marketplace.inbox.duplicates_skipped")
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);
        public void Dispose() => listener.Dispose();
    }
}
