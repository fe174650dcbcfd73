namespace Marketplace.Core.Hosting;

/// <summary>
/// Dates as Japan counts them (UTC+9, no daylight saving): certifications end on a Japanese calendar day, and the
/// marketplace's users live on it.
/// </summary>
public static class JapanDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
