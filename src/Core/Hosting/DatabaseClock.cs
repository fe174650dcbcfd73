namespace Marketplace.Core.Hosting;

public static class DatabaseClock
{
    /// <summary>
    /// Now, cut to the microsecond that PostgreSQL's timestamptz keeps, so a value stored in a row and the same
    /// value carried in a message are equal.
    /// </summary>
    public static DateTimeOffset GetDatabaseNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
