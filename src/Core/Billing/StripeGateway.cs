using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Core.Billing;

/// <summary>The subscription as Stripe holds it now, reduced to what entitlements need.</summary>
/// <param name="PriceId">The price of its first item (a plan is one price).</param>
public sealed record StripeSubscriptionState(string Id, string CustomerId, string Status, string? PriceId, DateTimeOffset? CurrentPeriodEnd);

/// <summary>Stripe could not be reached, or refused a request (the caller answers 502; nothing changed on our side).</summary>
public sealed class StripeUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Every call this product makes to Stripe (decision 0018), through Stripe.net. Each request that creates something
/// carries an idempotency key, so a retried request (Stripe.net retries network failures, and people click twice)
/// never creates a second customer or session. <see cref="StripeOptions.ApiBase"/> points it elsewhere (the tests'
/// stand-in).
/// </summary>
public sealed class StripeGateway(IOptions<BillingOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "stripe";

    private StripeClient Client()
    {
        var stripe = options.Value.Stripe;
        var http = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 2, appInfo: null, enableTelemetry: false);
        return new StripeClient(stripe.SecretKey, clientId: null, httpClient: http,
            apiBase: string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase.TrimEnd('/'));
    }

    /// <summary>The organisation's customer: the key is the organisation, so however often this runs it is one customer.</summary>
    public Task<Customer> CreateCustomerAsync(Guid organisationId, string name, string email, CancellationToken cancellationToken) =>
        CallAsync(() => new CustomerService(Client()).CreateAsync(new CustomerCreateOptions
        {
            Name = name,
            Email = email,
            Metadata = new Dictionary<string, string> { ["organisationId"] = organisationId.ToString() },
        }, Keyed($"customer-{organisationId}"), cancellationToken));

    /// <summary>A Checkout session in subscription mode for one plan's price.</summary>
    public Task<Stripe.Checkout.Session> CreateCheckoutAsync(Guid organisationId, string customerId, string priceId, string successUrl, string cancelUrl,
        string language, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync(() => new Stripe.Checkout.SessionService(Client()).CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customerId,
            ClientReferenceId = organisationId.ToString(),
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            Locale = language == "en" ? "en" : "ja",
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions
            {
                Metadata = new Dictionary<string, string> { ["organisationId"] = organisationId.ToString() },
            },
        }, Keyed(idempotencyKey), cancellationToken));

    /// <summary>A customer portal session: invoices, the card, changing or cancelling the plan.</summary>
    public Task<Stripe.BillingPortal.Session> CreatePortalAsync(string customerId, string returnUrl, string language, string idempotencyKey,
        CancellationToken cancellationToken) =>
        CallAsync(() => new Stripe.BillingPortal.SessionService(Client()).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = returnUrl,
            Locale = language == "en" ? "en" : "ja",
        }, Keyed(idempotencyKey), cancellationToken));

    /// <summary>The subscription as Stripe holds it now; null when Stripe has no such subscription.</summary>
    public async Task<StripeSubscriptionState?> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            var subscription = await new SubscriptionService(Client()).GetAsync(subscriptionId, cancellationToken: cancellationToken);
            return StateOf(subscription);
        }
        catch (StripeException e) when (e.StripeError?.Code == "resource_missing")
        {
            return null;
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            throw new StripeUnavailableException($"Stripe did not return subscription {subscriptionId}.", e);
        }
    }

    public static StripeSubscriptionState StateOf(Subscription subscription)
    {
        var item = subscription.Items?.Data?.FirstOrDefault();
        return new StripeSubscriptionState(subscription.Id, subscription.CustomerId, subscription.Status, item?.Price?.Id,
            item is { CurrentPeriodEnd: var end } && end != default ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : null);
    }

    private static RequestOptions Keyed(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException })
        {
            throw new StripeUnavailableException("Stripe refused or did not answer the request.", e);
        }
    }
}
