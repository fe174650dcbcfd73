using System.Net;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Vendors;

public sealed record PublicServiceDto(string Code, string TypeCode, string NameJa, string NameEn);

/// <summary>What anyone may see of a certification: never the evidence itself.</summary>
/// <param name="Status">expired, notYetValid, expiring (within six months) or valid, today in Japan.</param>
public sealed record PublicCertificationDto(string Type, string? OtherName, string RegistrationNumber, string? Scope, string? Issuer,
    DateOnly ValidFrom, DateOnly ValidTo, bool Verified, string Status);

/// <param name="Featured">The vendor's plan includes the featured badge (a badge only; decision 0018).</param>
public sealed record PublicVendorDto(string Slug, string Name, VendorProfileInput Profile, IReadOnlyList<PublicServiceDto> Services,
    IReadOnlyList<PublicCertificationDto> Certifications, DateTimeOffset UpdatedAt, bool Featured);

/// <summary>
/// The public vendor page, /vendors/{slug}: the profile as clients and visitors see it, from the API and as an HTML
/// page whose title and description are already in the markup, so that a shared link previews properly.
/// </summary>
public static class PublicVendorEndpoints
{
    public static RouteGroupBuilder MapPublicVendorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/vendors/{slug}", Get)
            .WithMetadata(new PublicData())
            .WithTags("Marketplace")
            .WithName("GetVendor")
            .WithSummary("A vendor's public profile by its address");
        return api;
    }

    public static async Task<PublicVendorDto?> FindAsync(MarketplaceDbContext db, string slug, CancellationToken cancellationToken)
    {
        if (!VendorProfileEndpoints.IsWellFormedSlug(slug)) return null; // never an address, and a NUL byte would not reach PostgreSQL
        var found = await db.VendorProfiles.AsNoTracking().Where(p => p.Slug == slug)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var services = await db.CatalogueServices.AsNoTracking().Where(s => found.p.ServiceIds.Contains(s.Id)).OrderBy(s => s.SortOrder)
            .Select(s => new PublicServiceDto(s.Code, s.TypeCode, s.NameJa, s.NameEn)).ToListAsync(cancellationToken);
        var today = TimeProvider.System.Today();
        var certifications = (await db.Certifications.AsNoTracking().Where(c => c.OrganisationId == found.p.OrganisationId)
                .OrderBy(c => c.Type).ThenBy(c => c.ValidTo).ToListAsync(cancellationToken))
            .Select(c => new PublicCertificationDto(c.Type, c.OtherName, c.RegistrationNumber, c.Scope, c.Issuer, c.ValidFrom, c.ValidTo, c.IsVerified, c.StatusOn(today)))
            .ToList();
        var profile = VendorProfileEndpoints.ToPublicInput(found.p);
        var featured = await SearchEndpoints.FeaturedAsync(db, [found.p.OrganisationId], TimeProvider.System.GetUtcNow(), cancellationToken);
        return new PublicVendorDto(found.p.Slug, found.Name, profile, services, certifications, found.p.UpdatedAt, featured.Count > 0);
    }

    private static async Task<Results<Ok<PublicVendorDto>, ProblemHttpResult>> Get(string slug, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, slug, cancellationToken) is { } vendor
            ? TypedResults.Ok(vendor)
            : ApiProblems.NotFound("There is no vendor at this address.");

    /// <summary>
    /// The SPA's index.html with the vendor's name and summary in the title and Open Graph tags, for link previews.
    /// Unknown addresses get the plain page (the SPA then says "not found").
    /// </summary>
    public static void MapVendorPageMetadata(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<SpaOptions>();
        var index = Path.Combine(Path.GetFullPath(options.RootPath, app.Environment.ContentRootPath), "index.html");
        if (options.DevServerUrl is { Length: > 0 } || !File.Exists(index)) return; // Vite serves pages in development
        app.MapGet("/vendors/{slug}", async (string slug, MarketplaceDbContext db, HttpContext http, CancellationToken cancellationToken) =>
        {
            var html = await File.ReadAllTextAsync(index, cancellationToken);
            if (await FindAsync(db, slug, cancellationToken) is { } vendor)
            {
                var title = WebUtility.HtmlEncode($"{vendor.Name} | Marketplace");
                var summary = vendor.Profile.Summary ?? string.Join("・", vendor.Services.Select(s => s.NameJa));
                var description = WebUtility.HtmlEncode(summary.Length > 160 ? summary[..157] + "…" : summary);
                var url = WebUtility.HtmlEncode($"{http.Request.Scheme}://{http.Request.Host}/vendors/{vendor.Slug}");
                var tags = $"""
                    <title>{title}</title>
                    <meta name="description" content="{description}" />
                    <meta property="og:type" content="profile" />
                    <meta property="og:title" content="{title}" />
                    <meta property="og:description" content="{description}" />
                    <meta property="og:url" content="{url}" />
                    <link rel="canonical" href="{url}" />
                """;
                html = System.Text.RegularExpressions.Regex.Replace(html, "<title>.*?</title>", tags.Trim(), System.Text.RegularExpressions.RegexOptions.Singleline);
            }
            // Like index.html itself: it names the current asset files, so it is never cached.
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
    }
}
