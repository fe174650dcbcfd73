using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Billing;

/// <param name="Limit">The plan's monthly proposals; null is unlimited.</param>
/// <param name="ResetsAt">When the count starts again: the first day of next month, Japan time.</param>
public sealed record QuotaUse(string Plan, int Used, int? Limit, DateTimeOffset ResetsAt)
{
    public int? Remaining => Limit is { } limit ? Math.Max(0, limit - Used) : null;
    public bool Exhausted => Limit is { } limit && Used >= limit;
}

/// <summary>
/// The monthly proposal quota. A proposal counts once, in the month of its first submission (Japan time): revising,
/// re-confirming, or resubmitting after a withdrawal does not count again. Nothing already submitted is ever removed
/// when a plan ends.
/// </summary>
public static class ProposalQuota
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public static (DateTimeOffset Start, DateTimeOffset End) MonthOf(DateTimeOffset now)
    {
        var local = now.ToOffset(Japan);
        var start = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Japan);
        return (start, start.AddMonths(1));
    }

    /// <summary>The vendor's use of its plan's quota this month (the context acts for the vendor).</summary>
    public static async Task<QuotaUse> UseAsync(MarketplaceDbContext db, Guid vendorId, string planCode, PlanOptions plan, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (start, end) = MonthOf(now);
        var (from, to) = (start.ToUniversalTime(), end.ToUniversalTime()); // Npgsql writes timestamptz parameters in UTC only
        var used = await db.ProposalVersions.CountAsync(v => v.VendorId == vendorId && v.Number == 1 && v.ReceivedAt >= from && v.ReceivedAt < to, cancellationToken);
        return new QuotaUse(planCode, used, plan.MonthlyProposals, end);
    }
}
