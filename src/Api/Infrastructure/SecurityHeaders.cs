using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// The browser's protections, on every answer: the SPA, its fallback, the API reference, the OIDC endpoints, the
/// API's JSON and every error (decision 0023). Scripts run only from this origin's files; the one page with inline
/// scripts (the API reference, which its library writes) names each by its hash. Styles may be inline, because the
/// component library writes its theme as a style element at run time; nothing here is ever framed.
/// </summary>
public static partial class SecurityHeaders
{
    private const string ScriptSource = "script-src 'self'";

    private const string PolicyAfterScripts =
        "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'"
        + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; default-src 'self'";

    /// <summary>The Content-Security-Policy of every answer without inline scripts.</summary>
    public const string Policy = ScriptSource + PolicyAfterScripts;

    /// <summary>HSTS once the Api is reached over HTTPS (directly, or through a proxy that says so): a year, subdomains too.</summary>
    public static IHostApplicationBuilder AddMarketplaceSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that what answers later (an error, the SPA's fallback) keeps the headers.</summary>
    public static void UseMarketplaceSecurityHeaders(this WebApplication app)
    {
        // Vite's dev server (development only, Spa:DevServerUrl) injects its hot-reload preamble inline and talks
        // over a WebSocket; the built SPA needs neither.
        var policy = app.Services.GetRequiredService<SpaOptions>().DevServerUrl is { Length: > 0 }
            ? Policy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").Replace("connect-src 'self'", "connect-src 'self' ws: wss:")
            : Policy;
        app.Use((http, next) =>
        {
            // Set when the answer starts, so that the exception handler's clearing of the response does not drop them.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                headers["Referrer-Policy"] = "same-origin"; // RFP and proposal ids in addresses stay on this site
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseHsts();
    }

    /// <summary>After compression in the pipeline: the page is read as text before it is compressed.</summary>
    public static void UseApiReferenceScriptHashes(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api/docs") && !Path.HasExtension(http.Request.Path.Value),
            docs => docs.Use(HashInlineScripts));

    /// <summary>
    /// The API reference's page carries its configuration in an inline module script (written by Scalar, from this
    /// Api's options and path base): the policy names that script's hash, so it runs and no other inline script does.
    /// </summary>
    private static async Task HashInlineScripts(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html)
                .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'")
                .Distinct();
            http.Response.Headers.ContentSecurityPolicy = $"{ScriptSource} {string.Join(' ', hashes)}{PolicyAfterScripts}";
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
