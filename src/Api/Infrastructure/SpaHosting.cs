using Microsoft.AspNetCore.StaticFiles;
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

        app.Use(SendPrecompressed(root));
        app.UseSpaStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new PrecompressedContentTypes(),
            // Vite fingerprints everything under /assets, so those files can be cached for good.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/assets"))
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        // A file under /assets that is not there is a 404, not the SPA's page (a stale tab asking for an old chunk
        // must fail as a script, not parse HTML).
        app.MapWhen(http => http.Request.Path.StartsWithSegments("/assets"),
            missing => missing.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
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

    /// <summary>The build's brotli and gzip copies (vite.config.ts), sent as the file itself to browsers that accept them.</summary>
    private static readonly (string Encoding, string Extension)[] Copies = [("br", ".br"), ("gzip", ".gz")];

    private static Func<HttpContext, RequestDelegate, Task> SendPrecompressed(string root) => (http, next) =>
    {
        var path = http.Request.Path.Value;
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && path is { Length: > 1 } && Path.HasExtension(path) && !path.Contains("..", StringComparison.Ordinal))
        {
            var accepted = http.Request.GetTypedHeaders().AcceptEncoding;
            foreach (var (encoding, extension) in Copies)
            {
                if (!File.Exists(Path.Join(root, path + extension))) continue;
                // The answer depends on Accept-Encoding whenever a copy exists, whether or not it is sent.
                http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                if (!accepted.Any(a => string.Equals(a.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0))
                    continue;
                http.Request.Path = path + extension;
                http.Response.Headers.ContentEncoding = encoding;
                break;
            }
        }
        return next(http);
    };

    /// <summary>"index-abc.js.br" is JavaScript: the type of the file that was compressed.</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Copies)
                if (subpath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                    return types.TryGetContentType(subpath[..^extension.Length], out contentType!);
            return types.TryGetContentType(subpath, out contentType!);
        }
    }
}
