using Npgsql;

namespace Marketplace.TestSupport;

/// <summary>
/// "Nothing more arrived" made concrete: instead of waiting a fixed time and counting, wait until nothing is on its way.
/// </summary>
public static class Settled
{
    /// <summary>
    /// Waits until no outbox row waits to be sent and no queue of the broker holds a message waiting or being handled,
    /// on two looks in a row (a consumer's own outbox row or publish can land between two looks). Whatever was going to
    /// happen has happened then, so a count taken afterwards is final. For tests that run alone on the broker
    /// (BrokerCollection), where other tests' messages cannot keep it busy.
    /// </summary>
    public static async Task QuietAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var quietLooks = 0;
        while (true)
        {
            quietLooks = await UnsentOutboxRowsAsync() == 0 && await Broker.MessagesInFlightAsync() == 0 ? quietLooks + 1 : 0;
            if (quietLooks == 2) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Gave up waiting for the outbox and the broker to settle.");
            await Task.Delay(200);
        }
    }

    private static async Task<long> UnsentOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND failed_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
