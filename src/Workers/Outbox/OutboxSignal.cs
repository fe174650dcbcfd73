using Npgsql;

namespace Marketplace.Workers.Outbox;

/// <summary>
/// Wakes the relay as soon as a transaction that added outbox rows commits: a trigger on <c>outbox_messages</c> sends
/// a PostgreSQL NOTIFY (delivered at commit, one per transaction), and the relay LISTENs on one connection of its own.
/// A message then waits for the broker, not for the next poll; the poll stays as the fallback for a lost connection.
/// </summary>
public sealed class OutboxSignal(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<OutboxSignal> logger) : IAsyncDisposable
{
    /// <summary>The channel the trigger notifies (migration OutboxSignal).</summary>
    public const string Channel = "outbox_messages";

    private NpgsqlConnection? connection;

    /// <summary>
    /// Listens, if not already. Call it before looking at the outbox: a commit after that look is then heard, since
    /// PostgreSQL keeps the notification for this connection until <see cref="WaitAsync"/> reads it.
    /// </summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        if (connection is not null) return;
        try
        {
            var opened = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", opened))
                await listen.ExecuteNonQueryAsync(cancellationToken);
            connection = opened;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The outbox relay cannot listen for new messages; it polls: {Message}", e.Message);
        }
    }

    /// <summary>Returns when outbox rows were committed since the last call, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            await Task.Delay(timeout, clock, cancellationToken);
            return;
        }
        try
        {
            // Drain: several commits while the relay was busy are one reason to look, not several.
            if (await connection.WaitAsync(timeout, cancellationToken))
                while (await connection.WaitAsync(TimeSpan.FromMilliseconds(1), cancellationToken)) { }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The outbox relay lost its listening connection; it polls until it listens again: {Message}", e.Message);
            await DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
        connection = null;
    }
}
