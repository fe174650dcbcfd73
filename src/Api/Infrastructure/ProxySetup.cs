using Microsoft.AspNetCore.HttpOverrides;

namespace Marketplace.Api.Infrastructure;

public static class ProxySetup
{
    /// <summary>
    /// Behind a TLS-terminating proxy or load balancer ("ForwardedHeaders:Enabled" = true), take the client address
    /// and scheme from X-Forwarded-For/-Proto: the OIDC server then sees HTTPS, and rate limits and the audit trail
    /// see the real client. Only enable it where the Api is reachable through the proxy alone.
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceProxySupport(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear(); // the proxy's address is not known in advance (containers, cloud LBs)
            options.KnownProxies.Clear();
        });
        return builder;
    }

    public static WebApplication UseMarketplaceProxySupport(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
            app.UseForwardedHeaders();
        return app;
    }
}
