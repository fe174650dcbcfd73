using Microsoft.AspNetCore.SpaServices;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Api.Infrastructure;

/// <summary>Section "Spa".</summary>
public sealed class SpaOptions
{
    public const string Section = "Spa";

    /// <summary>The built SPA (Vite's dist folder), absolute or relative to the content root.</summary>
    public string RootPath { get; set; } = "../Web/dist";

    /// <summary>When set (development), requests that no endpoint answers are proxied to the Vite dev server.</summary>
    public string? DevServerUrl { get; set; }
}

public static class SpaHosting
{
    public static IHostApplicationBuilder AddMarketplaceSpa(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SpaOptions.Section).Get<SpaOptions>() ?? new SpaOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSpaStaticFiles(spa => spa.RootPath = Path.GetFullPath(options.RootPath, builder.Environment.ContentRootPath));
        return builder;
    }

    /// <summary>Must come last: the SPA answers every request that no endpoint answered.</summary>
    public static void UseMarketplaceSpa(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<SpaOptions>();
        if (options.DevServerUrl is { Length: > 0 } devServer)
        {
            app.UseSpa(spa => spa.UseProxyToSpaDevelopmentServer(devServer));
            return;
        }

        var root = Path.GetFullPath(options.RootPath, app.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            // Without this, every page would answer 500. Say what to do instead.
            app.Logger.LogWarning("The SPA is not built at {Root}; run 'npm run build' in src/Web (./run.sh does).", root);
            app.Run(context => Results.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The web app is not built",
                    detail: "Run ./run.sh, or 'npm ci && npm run build' in src/Web.")
                .ExecuteAsync(context));
            return;
        }

        app.UseSpaStaticFiles(new StaticFileOptions
        {
            // Vite fingerprints everything under /assets, so those files can be cached for good.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/assets"))
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        app.UseSpa(spa =>
        {
            spa.Options.DefaultPageStaticFileOptions = new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                // index.html names the current asset files; it must never be cached.
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-store",
            };
        });
    }
}
