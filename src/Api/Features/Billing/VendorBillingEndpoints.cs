using Marketplace.Api.Infrastructure;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Billing;

/// <param name="Sold">It can be bought through Stripe (it has a Stripe price, and billing is configured).</param>
public sealed record PlanDto(string Code, string Name, long PriceYen, int? MonthlyProposals, bool AnswerLibrary, bool FeaturedBadge, bool Sold);

/// <param name="Remaining">Null: unlimited.</param>
/// <param name="ResetsAt">The first day of next month, Japan time.</param>
public sealed record QuotaDto(int Used, int? Limit, int? Remaining, DateTimeOffset ResetsAt);

/// <param name="Configured">Billing through Stripe is on (with no keys, every vendor is on Free and nothing can be bought).</param>
/// <param name="Status">The subscription's status (none without one).</param>
/// <param name="GraceUntil">Past due: the paid plan holds until then.</param>
/// <param name="MayManage">The caller may change billing (owner or admin).</param>
public sealed record VendorBillingDto(bool Configured, PlanDto Plan, string Status, DateTimeOffset? GraceUntil, QuotaDto Quota, IReadOnlyList<PlanDto> Plans,
    bool MayManage);

/// <summary>
/// The vendor's plan, its entitlements and its quota (decision 0017). Client organisations use the marketplace free and
/// have no plan; this is the vendor side only.
/// </summary>
public static class VendorBillingEndpoints
{
    public static RouteGroupBuilder MapVendorBillingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/vendor/billing").WithTags("Billing")
            .RequireOrganisationKind(OrganisationKind.Vendor, ("プランはベンダーの組織にあります。ヘッダーでベンダーの組織を選んでください。",
                "Plans belong to vendor organisations. Choose a vendor organisation in the header."));
        group.MapGet("/", Get).RequireMember(ApiScopes.OrganisationRead).WithName("GetVendorBilling")
            .WithSummary("The vendor's plan and entitlements, this month's proposal quota, and the plans on offer");
        return api;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    public static PlanDto Plan(string code, PlanOptions plan, BillingOptions billing) => new(code, English ? plan.NameEn : plan.NameJa, plan.PriceYen,
        plan.MonthlyProposals, plan.AnswerLibrary, plan.FeaturedBadge, billing.StripeConfigured && !string.IsNullOrWhiteSpace(plan.StripePriceId));

    /// <summary>The vendor's entitlement now (the context acts for the vendor).</summary>
    public static async Task<Entitlement> EntitlementAsync(MarketplaceDbContext db, Guid vendorId, BillingOptions billing, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        Entitlements.Of(await db.VendorSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationId == vendorId, cancellationToken), billing, now);

    private static async Task<Ok<VendorBillingDto>> Get(CurrentActor actor, MarketplaceDbContext db, IOptions<BillingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var billing = options.Value;
        var now = clock.GetUtcNow();
        var vendorId = actor.OrganisationId!.Value;
        var entitlement = await EntitlementAsync(db, vendorId, billing, now, cancellationToken);
        var quota = await ProposalQuota.UseAsync(db, vendorId, entitlement.Plan, entitlement.Options, now, cancellationToken);
        return TypedResults.Ok(new VendorBillingDto(billing.StripeConfigured, Plan(entitlement.Plan, entitlement.Options, billing), entitlement.Status,
            entitlement.GraceUntil, new QuotaDto(quota.Used, quota.Limit, quota.Remaining, quota.ResetsAt),
            billing.Plans.OrderBy(p => p.Value.PriceYen).Select(p => Plan(p.Key, p.Value, billing)).ToList(),
            actor.Role is { } role && OrganisationRoles.Managers.Contains(role)));
    }

    /// <summary>
    /// 402 for a first submission beyond the plan's monthly quota, naming the plan, the quota, when it resets and where to
    /// upgrade (extensions: plan, quota, used, resetsAt, upgradeUrl); null when the quota allows it.
    /// </summary>
    public static async Task<ProblemHttpResult?> QuotaProblemAsync(MarketplaceDbContext db, Guid vendorId, BillingOptions billing, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var entitlement = await EntitlementAsync(db, vendorId, billing, now, cancellationToken);
        var quota = await ProposalQuota.UseAsync(db, vendorId, entitlement.Plan, entitlement.Options, now, cancellationToken);
        if (!quota.Exhausted) return null;
        var name = English ? entitlement.Options.NameEn : entitlement.Options.NameJa;
        var resets = quota.ResetsAt.ToOffset(TimeSpan.FromHours(9));
        return TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired,
            title: English ? "Monthly proposal quota reached" : "今月の提案数の上限に達しました",
            detail: English
                ? $"The {name} plan allows {quota.Limit} new proposals a month; you have submitted {quota.Used}. The count starts again on {resets:yyyy-MM-dd}. Revisions of submitted proposals are not counted. A larger plan allows more."
                : $"{name}プランで今月提出できる新しい提案は {quota.Limit} 件までで、{quota.Used} 件提出済みです。{resets:M月d日}に数え直されます。提出済みの提案の改訂は数えません。上位のプランでは、より多く提出できます。",
            extensions: new Dictionary<string, object?>
            {
                ["plan"] = entitlement.Plan, ["quota"] = quota.Limit, ["used"] = quota.Used, ["resetsAt"] = quota.ResetsAt, ["upgradeUrl"] = "/vendor/billing",
            });
    }
}
