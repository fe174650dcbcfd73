using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// The API's JSON is compressed (brotli, else gzip) as it is sent. The SPA's files are compressed once, at build time,
/// and sent as they are (<see cref="SpaHosting"/>). Only JSON under /api: the OIDC endpoints and pages, which carry
/// tokens and anti-forgery values beside text a third party may influence, stay uncompressed (BREACH).
/// </summary>
public static class Compression
{
    public static IHostApplicationBuilder AddMarketplaceCompression(this IHostApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json", "text/csv"];
        });
        // Fastest: a JSON page of search results compresses to a fifth either way, and the CPU goes to answering.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static void UseMarketplaceCompression(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseResponseCompression());
}
