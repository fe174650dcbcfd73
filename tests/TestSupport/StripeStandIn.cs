using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.TestSupport;

/// <summary>
/// A local stand-in for the parts of Stripe's API the product calls (customers, Checkout sessions, customer portal
/// sessions, subscriptions), reached through Stripe.net's ApiBase; the tests cannot reach Stripe. It behaves as Stripe
/// documents: a secret key is required, an idempotency key returns the first response again, a missing object answers
/// 404 resource_missing, and its Checkout page creates the subscription and sends the events, signed with the
/// documented scheme (HMAC-SHA256 of "timestamp.body", header "t=…,v1=…"), to the Api's webhook.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_stand_in_key";
    public const string WebhookSecret = "whsec_stand_in_secret";
    public const string StandardPrice = "price_standard_stand_in";
    public const string PremiumPrice = "price_premium_stand_in";
    public const string WebhookPath = "/api/v1/billing/stripe/webhook";

    /// <summary>One request the product sent to the stand-in.</summary>
    public sealed record Request(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, JsonObject> objects = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> idempotent = new();
    private readonly ConcurrentQueue<Request> requests = new();
    private readonly object sync = new();
    private int sequence;

    private StripeStandIn(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where events are delivered: a client of the Api (its base address serves <see cref="WebhookPath"/>).</summary>
    public HttpClient? Webhooks { get; set; }

    public IReadOnlyList<Request> Requests => [.. requests];

    /// <summary>The Api's and the Workers' settings that point them at this stand-in, with both plans on sale.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Billing:Stripe:SecretKey"] = SecretKey,
        ["Billing:Stripe:WebhookSecret"] = WebhookSecret,
        ["Billing:Stripe:ApiBase"] = BaseAddress.ToString().TrimEnd('/'),
        ["Billing:Plans:standard:StripePriceId"] = StandardPrice,
        ["Billing:Plans:premium:StripePriceId"] = PremiumPrice,
    };

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app);
        standIn.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseAddress = new Uri(address);
        return standIn;
    }

    private string NewId(string prefix) => $"{prefix}_{Interlocked.Increment(ref sequence):D6}{Guid.NewGuid():N}"[..(prefix.Length + 20)];

    private void Map()
    {
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/v1")) { await next(); return; }
            if (http.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
            {
                await Error(http, 401, "invalid_request_error", null, "Invalid API Key provided.");
                return;
            }
            var form = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString()) : [];
            var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
            requests.Enqueue(new Request(http.Request.Method, http.Request.Path, key, form));
            http.Items["form"] = form;
            // Stripe answers a repeated idempotency key with the first response, whatever happened since.
            if (http.Request.Method == "POST" && key is not null && idempotent.TryGetValue(key, out var first))
            {
                await Write(http, first.Status, first.Body);
                return;
            }
            await next();
        });

        app.MapPost("/v1/customers", (HttpContext http) => Create(http, () =>
        {
            var form = Form(http);
            return Store(new JsonObject
            {
                ["id"] = NewId("cus"), ["object"] = "customer", ["name"] = form.GetValueOrDefault("name"), ["email"] = form.GetValueOrDefault("email"),
                ["metadata"] = Metadata(form, "metadata"),
            });
        }));
        app.MapPost("/v1/checkout/sessions", (HttpContext http) => Create(http, () =>
        {
            var form = Form(http);
            var id = NewId("cs_test");
            return Store(new JsonObject
            {
                ["id"] = id, ["object"] = "checkout.session", ["mode"] = form.GetValueOrDefault("mode"), ["status"] = "open",
                ["customer"] = form.GetValueOrDefault("customer"), ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["success_url"] = form.GetValueOrDefault("success_url"), ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
                ["locale"] = form.GetValueOrDefault("locale"), ["url"] = new Uri(BaseAddress, $"/checkout/{id}").ToString(),
                ["subscription"] = null, ["metadata"] = new JsonObject(),
                // Not a Stripe field: kept so that the page can create the subscription for the price bought.
                ["stand_in_price"] = form.GetValueOrDefault("line_items[0][price]"),
                ["stand_in_metadata"] = Metadata(form, "subscription_data[metadata]"),
            });
        }));
        app.MapPost("/v1/billing_portal/sessions", (HttpContext http) => Create(http, () =>
        {
            var form = Form(http);
            var id = NewId("bps");
            return Store(new JsonObject
            {
                ["id"] = id, ["object"] = "billing_portal.session", ["customer"] = form.GetValueOrDefault("customer"),
                ["return_url"] = form.GetValueOrDefault("return_url"), ["url"] = new Uri(BaseAddress, $"/portal/{id}").ToString(),
            });
        }));
        app.MapGet("/v1/subscriptions/{id}", (HttpContext http, string id) => Get(http, id));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpContext http, string id) => Get(http, id));

        // The hosted pages a browser is sent to.
        app.MapGet("/checkout/{id}", (string id) => objects.TryGetValue(id, out var session)
            ? Results.Content(Page("お支払い（テスト用 Stripe）", $"""
                <p>プラン価格: <span data-testid="price">{WebUtility.HtmlEncode((string?)session["stand_in_price"])}</span></p>
                <form method="post" action="/checkout/{id}/pay"><button type="submit">支払う</button></form>
                <p><a href="{WebUtility.HtmlEncode((string?)session["cancel_url"])}">戻る</a></p>
                """), "text/html; charset=utf-8")
            : Results.NotFound());
        app.MapPost("/checkout/{id}/pay", async (string id) =>
        {
            if (!objects.TryGetValue(id, out var session)) return Results.NotFound();
            var subscription = CompleteCheckout(id);
            var now = DateTimeOffset.UtcNow;
            await DeliverAsync(Event("customer.subscription.created", subscription, now));
            await DeliverAsync(Event("checkout.session.completed", objects[id], now));
            await DeliverAsync(Event("invoice.paid", Invoice(subscription, "paid"), now));
            return Results.Redirect(((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id));
        });
        app.MapGet("/portal/{id}", (string id) => objects.TryGetValue(id, out var session)
            ? Results.Content(Page("お支払いの管理（テスト用 Stripe）", $"""
                <p>請求書とカード情報はここで管理します。</p>
                <p><a href="{WebUtility.HtmlEncode((string?)session["return_url"])}">Marketplace に戻る</a></p>
                """), "text/html; charset=utf-8")
            : Results.NotFound());
    }

    private static string Page(string title, string body) =>
        $"""<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>""";

    private static Dictionary<string, string> Form(HttpContext http) => (Dictionary<string, string>)http.Items["form"]!;

    private static JsonObject Metadata(Dictionary<string, string> form, string prefix)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal)))
            metadata[key[(prefix.Length + 1)..^1]] = value;
        return metadata;
    }

    private JsonObject Store(JsonObject value)
    {
        objects[(string)value["id"]!] = value;
        return value;
    }

    private async Task Create(HttpContext http, Func<JsonObject> create)
    {
        string body;
        lock (sync) body = Public(create()).ToJsonString();
        if (http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { } key) idempotent.TryAdd(key, (200, body));
        await Write(http, 200, body);
    }

    private async Task Get(HttpContext http, string id)
    {
        if (objects.TryGetValue(id, out var value)) await Write(http, 200, Public(value).ToJsonString());
        else await Error(http, 404, "invalid_request_error", "resource_missing", $"No such object: '{id}'");
    }

    /// <summary>The object as Stripe would show it (without the stand-in's own fields).</summary>
    private static JsonObject Public(JsonObject value)
    {
        var copy = (JsonObject)value.DeepClone();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith("stand_in_", StringComparison.Ordinal)).ToList()) copy.Remove(key);
        return copy;
    }

    private static Task Write(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = "req_stand_in";
        return http.Response.WriteAsync(body);
    }

    private static Task Error(HttpContext http, int status, string type, string? code, string message) =>
        Write(http, status, new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message } }.ToJsonString());

    // ---- What the tests drive: Stripe's side of the story ----

    public JsonObject Object(string id) => (JsonObject)Public(objects[id]);

    /// <summary>The customer pays on the Checkout page: the subscription exists, active, and the session is complete. No events are sent.</summary>
    public JsonObject CompleteCheckout(string sessionId)
    {
        lock (sync)
        {
            var session = objects[sessionId];
            var subscription = Store(new JsonObject
            {
                ["id"] = NewId("sub"), ["object"] = "subscription", ["customer"] = (string?)session["customer"], ["status"] = "active",
                ["metadata"] = session["stand_in_metadata"]!.DeepClone(),
                ["items"] = new JsonObject
                {
                    ["object"] = "list", ["has_more"] = false,
                    ["data"] = new JsonArray(new JsonObject
                    {
                        ["id"] = NewId("si"), ["object"] = "subscription_item",
                        ["price"] = new JsonObject { ["id"] = (string?)session["stand_in_price"], ["object"] = "price" },
                        ["current_period_end"] = DateTimeOffset.UtcNow.AddMonths(1).ToUnixTimeSeconds(),
                    }),
                },
            });
            session["status"] = "complete";
            session["subscription"] = (string)subscription["id"]!;
            return (JsonObject)subscription.DeepClone();
        }
    }

    /// <summary>Stripe changes the subscription (a failed renewal, a cancellation); returns it as it now is.</summary>
    public JsonObject SetStatus(string subscriptionId, string status)
    {
        lock (sync)
        {
            objects[subscriptionId]["status"] = status;
            return (JsonObject)objects[subscriptionId].DeepClone();
        }
    }

    /// <summary>Stripe no longer knows the subscription (as after a customer is deleted): reading it answers 404.</summary>
    public void Forget(string id) => objects.TryRemove(id, out _);

    public JsonObject Invoice(JsonObject subscription, string status) => new()
    {
        ["id"] = NewId("in"), ["object"] = "invoice", ["customer"] = (string?)subscription["customer"], ["status"] = status,
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject { ["subscription"] = (string?)subscription["id"], ["metadata"] = new JsonObject() },
        },
    };

    /// <summary>An event as Stripe sends it, with a new id.</summary>
    public string Event(string type, JsonObject data, DateTimeOffset created) => new JsonObject
    {
        ["id"] = NewId("evt"), ["object"] = "event", ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = created.ToUnixTimeSeconds(), ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
        ["data"] = new JsonObject { ["object"] = Public(data) },
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
    }.ToJsonString();

    /// <summary>The Stripe-Signature header for <paramref name="payload"/> signed at <paramref name="at"/> with <paramref name="secret"/>.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Posts <paramref name="payload"/> to the webhook; signed now with the right secret unless <paramref name="signature"/> says otherwise (null: no header).</summary>
    public async Task<HttpResponseMessage> PostEventAsync(string payload, string? signature = "")
    {
        var client = Webhooks ?? throw new InvalidOperationException("Set Webhooks to a client of the Api first.");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature == "" ? Sign(payload, DateTimeOffset.UtcNow) : signature);
        return await client.SendAsync(request);
    }

    /// <summary>Delivers a signed event and insists that the Api took it, as Stripe would keep retrying until it did.</summary>
    public async Task DeliverAsync(string payload)
    {
        using var response = await PostEventAsync(payload);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
