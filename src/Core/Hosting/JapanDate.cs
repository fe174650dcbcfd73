namespace Marketplace.Core.Hosting;

/// <summary>
/// Dates as Japan counts them (UTC+9, no daylight saving): certifications end on a Japanese calendar day, and the
/// marketplace's users live on it.
/// </summary>
public static class JapanDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A moment as people read it in messages: "2026年12月2日 14:05" (Japan time), or "2026-12-02 14:05 JST".</summary>
    public static string Format(DateTimeOffset moment, bool english) => english
        ? moment.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " JST"
        : moment.ToOffset(Offset).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Japanese calendar day of a moment: "2026年12月2日", or "2026-12-02".</summary>
    public static string FormatDay(DateTimeOffset moment, bool english) =>
        moment.ToOffset(Offset).ToString(english ? "yyyy-MM-dd" : "yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
