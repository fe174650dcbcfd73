using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Mail;
using Marketplace.Core.Organisations;
using Marketplace.Core.Texts;
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
/// <param name="HasBillingAccount">The organisation has a Stripe customer (the customer portal can open).</param>
/// <param name="CurrentPeriodEnd">A paid plan: its period runs until then (renewed or ended by Stripe).</param>
public sealed record VendorBillingDto(bool Configured, PlanDto Plan, string Status, DateTimeOffset? GraceUntil, QuotaDto Quota, IReadOnlyList<PlanDto> Plans,
    bool MayManage, bool HasBillingAccount, DateTimeOffset? CurrentPeriodEnd);

/// <param name="Plan">The code of a plan on sale (standard, premium).</param>
public sealed record CheckoutRequest(string? Plan)
{
    public sealed class Validator : AbstractValidator<CheckoutRequest>
    {
        public Validator() => RuleFor(r => r.Plan).Required("billing.plan").MaxChars("billing.plan", 32);
    }
}

/// <summary>Where the browser goes next: Stripe's Checkout page or its customer portal.</summary>
public sealed record BillingRedirectDto(string Url);

/// <summary>
/// The vendor's plan, its entitlements and its quota (decision 0017). Client organisations use the marketplace free and
/// have no plan; this is the vendor side only.
/// </summary>
public static class VendorBillingEndpoints
{
    public static RouteGroupBuilder MapVendorBillingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/vendor/billing").WithTags("Billing")
            .RequireOrganisationKind(OrganisationKind.Vendor, "billing.vendorsOnly");
        group.MapGet("/", Get).RequireMember(ApiScopes.BillingRead).WithName("GetVendorBilling")
            .WithSummary("The vendor's plan and entitlements, this month's proposal quota, and the plans on offer");
        group.MapPost("/checkout", Checkout).RequireMember(null, [.. OrganisationRoles.Managers]).Validate<CheckoutRequest>().WithName("StartCheckout").ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("A Stripe Checkout session (subscription) for a plan on sale; owner or admin only; 409 when billing is not configured or a paid plan is held (change it in the portal); 502 when Stripe fails. An Idempotency-Key header makes a retry return the same session");
        group.MapPost("/portal", Portal).RequireMember(null, [.. OrganisationRoles.Managers]).WithName("OpenBillingPortal")
            .WithSummary("A Stripe customer portal session (invoices, card, change or cancel the plan); owner or admin only; 409 before any checkout");
        return api;
    }

    private static ProblemHttpResult NotConfigured() => ApiProblems.Conflict(TextCatalogue.Say("billing.notConfigured.title"),
        TextCatalogue.Say("billing.notConfigured"));

    private static ProblemHttpResult StripeFailed() => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
        title: TextCatalogue.Say("billing.stripeFailed.title"), detail: TextCatalogue.Say("billing.stripeFailed"));

    /// <summary>The caller's key for this attempt (the SPA sends one per click), so a retried request gets the same Stripe object.</summary>
    private static readonly Regex ClientKey = new("^[A-Za-z0-9_-]{8,64}$", RegexOptions.CultureInvariant);

    private static string? IdempotencyKeyOf(HttpRequest request, out ValidationProblem? problem)
    {
        problem = null;
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0) return Guid.NewGuid().ToString("N");
        if (ClientKey.IsMatch(key)) return key;
        problem = ValidationRules.FieldProblem(new Dictionary<string, string[]>
        {
            ["Idempotency-Key"] = [TextCatalogue.Say("idempotency.badKey")],
        });
        return null;
    }

    private static async Task<Results<Ok<BillingRedirectDto>, ValidationProblem, ProblemHttpResult>> Checkout(CheckoutRequest request, HttpRequest http,
        CurrentActor actor, MarketplaceDbContext db, IOptions<BillingOptions> options, IOptions<SiteOptions> site, StripeGateway stripe, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var billing = options.Value;
        if (!billing.StripeConfigured) return NotConfigured();
        if (!billing.Plans.TryGetValue(request.Plan!, out var plan) || string.IsNullOrWhiteSpace(plan.StripePriceId))
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["plan"] = [TextCatalogue.Say("billing.planNotOnSale")],
            });
        if (IdempotencyKeyOf(http, out var badKey) is not { } key) return badKey!;
        var vendorId = actor.OrganisationId!.Value;
        var now = clock.GetUtcNow();
        var subscription = await SubscriptionOfAsync(db, vendorId, cancellationToken);
        var held = Entitlements.Of(subscription, billing, now);
        if (held.Plan != BillingOptions.FreePlan)
            return ApiProblems.Conflict(TextCatalogue.Say("billing.planHeld.title"),
                TextCatalogue.Say("billing.planHeld", new { plan = held.Options.Name }));
        try
        {
            var customerId = subscription?.StripeCustomerId ?? await CreateCustomerAsync(db, stripe, vendorId, now, cancellationToken);
            var publicUrl = site.Value.PublicUrl.TrimEnd('/');
            var session = await stripe.CreateCheckoutAsync(vendorId, customerId, plan.StripePriceId,
                $"{publicUrl}/vendor/billing/return?session_id={{CHECKOUT_SESSION_ID}}", $"{publicUrl}/vendor/billing/cancelled",
                Localization.CurrentLanguage, $"checkout-{vendorId}-{request.Plan}-{key}", cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(vendorId, actor.AuditName, AuditActions.BillingCheckoutStarted, "vendor-subscription", vendorId.ToString(),
                http.HttpContext.Connection.RemoteIpAddress?.ToString(), new { plan = request.Plan, session = session.Id }), cancellationToken);
            return TypedResults.Ok(new BillingRedirectDto(session.Url));
        }
        catch (StripeUnavailableException) { return StripeFailed(); }
    }

    private static async Task<Results<Ok<BillingRedirectDto>, ValidationProblem, ProblemHttpResult>> Portal(HttpRequest http, CurrentActor actor,
        MarketplaceDbContext db, IOptions<BillingOptions> options, IOptions<SiteOptions> site, StripeGateway stripe, CancellationToken cancellationToken)
    {
        if (!options.Value.StripeConfigured) return NotConfigured();
        if (IdempotencyKeyOf(http, out var badKey) is not { } key) return badKey!;
        var vendorId = actor.OrganisationId!.Value;
        if ((await SubscriptionOfAsync(db, vendorId, cancellationToken))?.StripeCustomerId is not { } customerId)
            return ApiProblems.Conflict(TextCatalogue.Say("billing.noAccount.title"), TextCatalogue.Say("billing.noAccount"));
        try
        {
            var session = await stripe.CreatePortalAsync(customerId, $"{site.Value.PublicUrl.TrimEnd('/')}/vendor/billing", Localization.CurrentLanguage,
                $"portal-{vendorId}-{key}", cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(vendorId, actor.AuditName, AuditActions.BillingPortalOpened, "vendor-subscription", vendorId.ToString(),
                http.HttpContext.Connection.RemoteIpAddress?.ToString(), new { session = session.Id }), cancellationToken);
            return TypedResults.Ok(new BillingRedirectDto(session.Url));
        }
        catch (StripeUnavailableException) { return StripeFailed(); }
    }

    /// <summary>The vendor's subscription row (the context acts for the vendor); none until its first checkout.</summary>
    private static Task<VendorSubscription?> SubscriptionOfAsync(MarketplaceDbContext db, Guid vendorId, CancellationToken cancellationToken) =>
        db.VendorSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationId == vendorId, cancellationToken);

    /// <summary>
    /// Creates the organisation's Stripe customer, once: Stripe returns the same customer for the organisation's
    /// idempotency key, and of two requests racing to store it the second stores nothing (both use the stored one).
    /// </summary>
    private static async Task<string> CreateCustomerAsync(MarketplaceDbContext db, StripeGateway stripe, Guid vendorId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == vendorId, cancellationToken);
        var customer = await stripe.CreateCustomerAsync(vendorId, organisation.Name, organisation.ContactEmail, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO vendor_subscriptions (organisation_id, stripe_customer_id, plan, status, updated_at)
            VALUES ({vendorId}, {customer.Id}, {BillingOptions.FreePlan}, 'none', {now.ToUniversalTime()})
            ON CONFLICT (organisation_id) DO NOTHING
            """, cancellationToken);
        return (await SubscriptionOfAsync(db, vendorId, cancellationToken))!.StripeCustomerId;
    }


    public static PlanDto Plan(string code, PlanOptions plan, BillingOptions billing) => new(code, plan.Name, plan.PriceYen,
        plan.MonthlyProposals, plan.AnswerLibrary, plan.FeaturedBadge, billing.StripeConfigured && !string.IsNullOrWhiteSpace(plan.StripePriceId));

    private static async Task<Ok<VendorBillingDto>> Get(CurrentActor actor, MarketplaceDbContext db, IOptions<BillingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var billing = options.Value;
        var now = clock.GetUtcNow();
        var vendorId = actor.OrganisationId!.Value;
        var subscription = await SubscriptionOfAsync(db, vendorId, cancellationToken);
        var entitlement = Entitlements.Of(subscription, billing, now);
        var quota = await ProposalQuota.UseAsync(db, vendorId, entitlement.Plan, entitlement.Options, now, cancellationToken);
        return TypedResults.Ok(new VendorBillingDto(billing.StripeConfigured, Plan(entitlement.Plan, entitlement.Options, billing), entitlement.Status,
            entitlement.GraceUntil, new QuotaDto(quota.Used, quota.Limit, quota.Remaining, quota.ResetsAt),
            billing.Plans.OrderBy(p => p.Value.PriceYen).Select(p => Plan(p.Key, p.Value, billing)).ToList(),
            actor.Role is { } role && OrganisationRoles.Managers.Contains(role), subscription is not null && billing.StripeConfigured,
            entitlement.Plan == BillingOptions.FreePlan ? null : subscription?.CurrentPeriodEnd));
    }
}
