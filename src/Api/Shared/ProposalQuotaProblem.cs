using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Shared;

/// <summary>The answer to a first submission beyond the vendor's plan, as the proposal features give it.</summary>
public static class ProposalQuotaProblem
{
    /// <summary>
    /// 402 for a first submission beyond the plan's monthly quota, naming the plan, the quota, when it resets and where to
    /// upgrade (extensions: plan, quota, used, resetsAt, upgradeUrl); null when the quota allows it.
    /// </summary>
    public static async Task<ProblemHttpResult?> ForAsync(MarketplaceDbContext db, Guid vendorId, BillingOptions billing, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var entitlement = await Entitlements.ForAsync(db, vendorId, billing, now, cancellationToken);
        var quota = await ProposalQuota.UseAsync(db, vendorId, entitlement.Plan, entitlement.Options, now, cancellationToken);
        if (!quota.Exhausted) return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired, title: TextCatalogue.Say("billing.quota.title"),
            detail: TextCatalogue.Say("billing.quota.detail", new { plan = entitlement.Options.Name, limit = quota.Limit, used = quota.Used, resets = quota.ResetsAt }),
            extensions: new Dictionary<string, object?>
            {
                ["plan"] = entitlement.Plan, ["quota"] = quota.Limit, ["used"] = quota.Used, ["resetsAt"] = quota.ResetsAt, ["upgradeUrl"] = "/vendor/billing",
            });
    }
}
