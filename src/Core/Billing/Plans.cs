using Marketplace.Core.Texts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Billing;

/// <summary>
/// A vendor plan as configuration describes it (src/Core/Billing/billing.json, overridable like any setting): its
/// price and entitlements, and the Stripe price it is sold as. A plan never changes who is matched or any score.
/// </summary>
public sealed class PlanOptions
{
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>JPY a month, tax-exclusive.</summary>
    public long PriceYen { get; set; }
    /// <summary>Proposals a vendor may submit for the first time in a calendar month (Japan time); null is unlimited.</summary>
    public int? MonthlyProposals { get; set; }
    /// <summary>Proposals start with the security answers of the profile's answer library (decision 0018).</summary>
    public bool AnswerLibrary { get; set; }
    /// <summary>A badge beside the vendor in listings, never a higher place in them (decision 0018).</summary>
    public bool FeaturedBadge { get; set; }
    /// <summary>The Stripe price the plan is sold as; empty for a plan that is not sold (Free).</summary>
    public string StripePriceId { get; set; } = "";

    /// <summary>The plan's name in the reader's language (configuration names it in Japanese and English; others read the Japanese).</summary>
    public string Name => TextCatalogue.Pick(NameJa, NameEn);
}

public sealed class StripeOptions
{
    public string SecretKey { get; set; } = "";
    public string WebhookSecret { get; set; } = "";
    /// <summary>Another address for Stripe's API (the tests' stand-in); empty for Stripe itself.</summary>
    public string ApiBase { get; set; } = "";
}

public sealed class BillingOptions
{
    public const string Section = "Billing";
    public const string FreePlan = "free";

    /// <summary>Days a past-due subscription keeps its plan before the vendor drops to Free.</summary>
    public int GraceDays { get; set; } = 7;
    public Dictionary<string, PlanOptions> Plans { get; set; } = new(StringComparer.Ordinal);
    public StripeOptions Stripe { get; set; } = new();

    /// <summary>Billing through Stripe is on only with both keys; without them every vendor is on Free.</summary>
    public bool StripeConfigured => !string.IsNullOrWhiteSpace(Stripe.SecretKey) && !string.IsNullOrWhiteSpace(Stripe.WebhookSecret);

    /// <summary>The plan sold as a Stripe price; a price no plan names is "unknown", which entitles to nothing (Free).</summary>
    public string PlanOfPrice(string? priceId) =>
        Plans.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Value.StripePriceId) && p.Value.StripePriceId == priceId).Key ?? UnknownPlan;

    public const string UnknownPlan = "unknown";

    public PlanOptions Free => Plans.TryGetValue(FreePlan, out var free) ? free : throw new InvalidOperationException("Billing:Plans must define the free plan.");
}

public static class BillingSetup
{
    /// <summary>The plans (billing.json, then any other source's overrides) and the billing options, for the Api and the Workers.</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfigurationManager configuration)
    {
        // Defaults first, so that appsettings, environment variables and secrets override them.
        var defaults = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "billing.json"), optional: false).Build();
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = defaults.AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value),
        });
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section))
            .Validate(o => o.Plans.ContainsKey(BillingOptions.FreePlan), "Billing:Plans must define the free plan.")
            .ValidateOnStart();
        services.AddHttpClient(StripeGateway.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<StripeGateway>();
        return services;
    }
}
