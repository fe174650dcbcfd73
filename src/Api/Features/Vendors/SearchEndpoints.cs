using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Vendors;

/// <summary>
/// The marketplace search's query string, as sent: every value is a string, so that a malformed one is a field error
/// rather than a binding failure. Lists repeat the name (service=payroll&amp;service=bookkeeping).
/// </summary>
public sealed class VendorSearchRequest
{
    public string? Q { get; init; }
    public string[]? Type { get; init; }
    /// <summary>Catalogue service codes (payroll, helpdesk...), readable in a shared link.</summary>
    public string[]? Service { get; init; }
    public string[]? Cert { get; init; }
    public string? ValidThrough { get; init; }
    public string? VerifiedOnly { get; init; }
    public string? Bcp { get; init; }
    public string[]? Region { get; init; }
    public string[]? Language { get; init; }
    public string? CapacityMin { get; init; }
    public string? FeeMin { get; init; }
    public string? FeeMax { get; init; }
    public string? Sort { get; init; }
    public string? Cursor { get; init; }
    public string? Limit { get; init; }
}

/// <summary>A certification as search results and the compare view show it: its state on the day.</summary>
public sealed record CertificationBadge(string Type, string? OtherName, DateOnly ValidTo, bool Verified, string Status);

/// <param name="Featured">The vendor's plan includes the featured badge: shown beside it, never a higher place in the results.</param>
public sealed record VendorSearchItem(string Slug, string Name, string? Summary, string? SummaryEn, IReadOnlyList<string> Types,
    IReadOnlyList<string> Services, IReadOnlyList<string> Regions, IReadOnlyList<string> Languages, bool HasBcp, int? CapacityFte, int? StaffCount,
    long? InitialFeeYen, long? MonthlyBaseYen, IReadOnlyList<CertificationBadge> Certifications, bool Featured);

public sealed record FacetValueDto(string Value, int Count);

public sealed record FeeBandDto(long Min, long? Max, int Count);

public sealed record VendorFacetsDto(IReadOnlyList<FacetValueDto> Types, IReadOnlyList<FacetValueDto> Services, IReadOnlyList<FacetValueDto> Certifications,
    int VerifiedOnly, int Bcp, IReadOnlyList<FacetValueDto> Regions, IReadOnlyList<FacetValueDto> Languages, IReadOnlyList<FacetValueDto> CapacityMin,
    IReadOnlyList<FeeBandDto> MonthlyFee);

/// <param name="ValidThrough">The day certifications were judged on (today when none was chosen).</param>
public sealed record VendorSearchResult(int Total, IReadOnlyList<VendorSearchItem> Items, string? NextCursor, VendorFacetsDto Facets, DateOnly ValidThrough);

public static class SearchEndpoints
{
    public const int MaxQueryLength = 200;
    public const int MaxValuesPerFilter = 20;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const long MaxFeeYen = 100_000_000_000;

    private static readonly Dictionary<string, VendorSort> Sorts = new()
    {
        ["relevance"] = VendorSort.Relevance, ["fee_asc"] = VendorSort.FeeAscending, ["fee_desc"] = VendorSort.FeeDescending,
    };

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/vendors", Search)
            .WithMetadata(new PublicData())
            .WithTags("Marketplace")
            .WithName("SearchVendors")
            .WithSummary("Search the marketplace: free text in Japanese or English, facets with counts, keyset pages")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<VendorSearchResult>, ValidationProblem>> Search([AsParameters] VendorSearchRequest request, MarketplaceDbContext db,
        VendorSearchEngine engine, IDataProtectionProvider protection, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The catalogue in one read: the services in the catalogue's order, and from them the types.
        var services = (await db.CatalogueServices.AsNoTracking()
                .Join(db.OutsourcingTypes, s => s.TypeCode, t => t.Code, (s, t) => new { Service = s, TypeOrder = t.SortOrder })
                .OrderBy(x => x.TypeOrder).ThenBy(x => x.Service.SortOrder).ToListAsync(cancellationToken))
            .Select(x => x.Service).ToList();
        var types = services.Select(s => s.TypeCode).Distinct().ToList();
        var today = clock.Today();

        var errors = new Dictionary<string, string[]>();
        var criteria = Parse(request, types, services.ToDictionary(s => s.Code, s => s.Id), today, errors, out var limit);
        var cursors = protection.CreateProtector("Marketplace.VendorSearch.Cursor.v1");
        var fingerprint = Fingerprint(criteria);
        VendorSearchPosition? after = null;
        if (errors.Count == 0 && request.Cursor is { Length: > 0 } cursor && !TryReadCursor(cursors, cursor, fingerprint, out after))
            errors["cursor"] = [Message("この続きのページは、いまの検索条件のものではないか、正しくありません。最初のページから検索し直してください。",
                "This page cursor does not belong to this search or is not valid. Search again from the first page.")];
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);

        // Services offered today, plus any a filter names (a retired one stays filterable for the vendors that kept it).
        var facetServices = services.Where(s => s.RetiredAt is null || criteria!.Services.Contains(s.Id)).Select(s => s.Id).ToList();
        var (hits, facets) = await engine.SearchAsync(criteria!, after, limit + 1, new VendorSearch.FacetValues(types, facetServices), services, cancellationToken);

        var page = hits.Take(limit).ToList();
        var next = hits.Count > limit ? WriteCursor(cursors, fingerprint, page[^1].Position) : null;
        var codes = services.ToDictionary(s => s.Id, s => s.Code);
        var items = await ItemsAsync(db, page, codes, today, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new VendorSearchResult(facets.Total, items, next, new VendorFacetsDto(
            facets.Types.Select(f => new FacetValueDto(f.Value, f.Count)).ToList(),
            facets.Services.Select(f => new FacetValueDto(codes[f.Value], f.Count)).ToList(),
            facets.Certifications.Select(f => new FacetValueDto(f.Value, f.Count)).ToList(),
            facets.VerifiedOnly, facets.Bcp,
            facets.Regions.Select(f => new FacetValueDto(f.Value, f.Count)).ToList(),
            facets.Languages.Select(f => new FacetValueDto(f.Value, f.Count)).ToList(),
            facets.CapacityMin.Select(f => new FacetValueDto(f.Value.ToString(CultureInfo.InvariantCulture), f.Count)).ToList(),
            facets.MonthlyFee.Select(f => new FeeBandDto(f.Value.Min, f.Value.Max, f.Count)).ToList()), criteria!.ValidThrough));
    }

    /// <summary>The cards of one page, in the page's order (the badge never changes it): three queries, whatever the page size.</summary>
    private static async Task<List<VendorSearchItem>> ItemsAsync(MarketplaceDbContext db, List<VendorSearchHit> page, Dictionary<Guid, string> serviceCodes,
        DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (page.Count == 0) return [];
        var ids = page.Select(h => h.OrganisationId).ToList();
        var profiles = await db.VendorProfiles.AsNoTracking().Where(p => ids.Contains(p.OrganisationId))
            .Select(p => new
            {
                p.OrganisationId, p.Slug, p.Summary, p.SummaryEn, p.ServiceIds, p.Regions, p.Languages, p.HasBcp, p.CapacityFte, p.StaffCount,
                p.InitialFeeYen, p.MonthlyBaseYen
            })
            .ToDictionaryAsync(p => p.OrganisationId, cancellationToken);
        var certifications = (await db.Certifications.AsNoTracking().Where(c => ids.Contains(c.OrganisationId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.OrganisationId);
        var featured = (await FeaturedAsync(db, ids, now, cancellationToken)).ToHashSet();
        return page.Where(h => profiles.ContainsKey(h.OrganisationId)).Select(h =>
        {
            var p = profiles[h.OrganisationId];
            return new VendorSearchItem(p.Slug, h.Name, p.Summary, p.SummaryEn, h.TypeCodes,
                p.ServiceIds.Where(serviceCodes.ContainsKey).Select(s => serviceCodes[s]).ToList(), p.Regions, p.Languages, p.HasBcp == true, p.CapacityFte,
                p.StaffCount, p.InitialFeeYen, p.MonthlyBaseYen, Badges(certifications[h.OrganisationId], today), featured.Contains(h.OrganisationId));
        }).ToList();
    }

    /// <summary>Which of these vendors show the featured badge now (decision 0018).</summary>
    public static Task<List<Guid>> FeaturedAsync(MarketplaceDbContext db, IReadOnlyCollection<Guid> vendors, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.VendorSearchEntries.AsNoTracking().Where(e => vendors.Contains(e.OrganisationId) && e.FeaturedUntil > now).Select(e => e.OrganisationId)
            .ToListAsync(cancellationToken);

    /// <summary>Current and future certifications first by type; expired ones stay visible, flagged, so that a lapse is seen.</summary>
    public static List<CertificationBadge> Badges(IEnumerable<Certification> certifications, DateOnly today) =>
        certifications.OrderBy(c => CertificationTypes.Codes.ToList().IndexOf(c.Type)).ThenByDescending(c => c.ValidTo)
            .Select(c => new CertificationBadge(c.Type, c.OtherName, c.ValidTo, c.IsVerified, c.StatusOn(today))).ToList();

    private static VendorSearchCriteria? Parse(VendorSearchRequest r, List<string> types, Dictionary<string, Guid> services, DateOnly today,
        Dictionary<string, string[]> errors, out int limit)
    {
        limit = DefaultLimit;
        if (r.Q is { } q && q.Length > MaxQueryLength)
            errors["q"] = [Message($"検索語は {MaxQueryLength} 文字以内で入力してください。", $"The search text must be at most {MaxQueryLength} characters.")];

        var chosenTypes = Values("type", r.Type, types.Contains, errors, "種類", "type");
        var chosenServices = Values("service", r.Service, services.ContainsKey, errors, "提供サービス", "service");
        var chosenCertifications = Values("cert", r.Cert, CertificationTypes.Codes.Contains, errors, "認証", "certification");
        var chosenRegions = Values("region", r.Region, VendorVocabulary.Regions.ContainsKey, errors, "対応地域", "region");
        var chosenLanguages = Values("language", r.Language, VendorVocabulary.Languages.ContainsKey, errors, "対応言語", "language");

        var validThrough = today;
        if (r.ValidThrough is { Length: > 0 } through)
        {
            if (!DateOnly.TryParseExact(through, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out validThrough)
                || validThrough < today || validThrough > today.AddYears(10))
            {
                errors["validThrough"] = [Message("有効期限の基準日は、今日から 10 年以内の日付（例：2027-03-31）で指定してください。",
                    "The date certifications must be valid through must be between today and ten years ahead (for example 2027-03-31).")];
                validThrough = today;
            }
        }
        var verifiedOnly = Flag("verifiedOnly", r.VerifiedOnly, errors);
        var bcp = Flag("bcp", r.Bcp, errors);
        var capacity = Number("capacityMin", r.CapacityMin, 1, 100_000, errors, "受け入れ可能な体制（人）", "Capacity (FTE)");
        var feeMin = Number("feeMin", r.FeeMin, 0, MaxFeeYen, errors, "月額の下限（円）", "Minimum monthly fee (yen)");
        var feeMax = Number("feeMax", r.FeeMax, 0, MaxFeeYen, errors, "月額の上限（円）", "Maximum monthly fee (yen)");
        if (feeMin is { } min && feeMax is { } max && min > max)
            errors["feeMax"] = [Message("月額の上限は下限以上にしてください。", "The maximum monthly fee must not be below the minimum.")];
        var sort = VendorSort.Relevance;
        if (r.Sort is { Length: > 0 } sortName && !Sorts.TryGetValue(sortName, out sort))
            errors["sort"] = [Message("並び順は relevance、fee_asc、fee_desc のいずれかです。", "Sort must be relevance, fee_asc or fee_desc.")];
        if (r.Limit is { Length: > 0 })
            limit = (int)(Number("limit", r.Limit, 1, MaxLimit, errors, "件数", "Page size") ?? DefaultLimit);

        if (errors.Count > 0) return null;
        return new VendorSearchCriteria
        {
            Text = string.IsNullOrWhiteSpace(r.Q) ? null : r.Q.Trim(),
            Types = chosenTypes,
            Services = chosenServices.Select(code => services[code]).ToList(),
            Certifications = chosenCertifications,
            ValidThrough = validThrough,
            VerifiedOnly = verifiedOnly,
            BcpOnly = bcp,
            Regions = chosenRegions,
            Languages = chosenLanguages,
            CapacityMin = (int?)capacity,
            MonthlyFeeMin = feeMin,
            MonthlyFeeMax = feeMax,
            Sort = sort,
        };
    }

    /// <summary>Distinct, known values of a repeated parameter; an unknown one is a field error naming it.</summary>
    private static List<string> Values(string field, string[]? values, Func<string, bool> known, Dictionary<string, string[]> errors, string labelJa, string labelEn)
    {
        var distinct = (values ?? []).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > MaxValuesPerFilter)
            errors[field] = [Message($"{labelJa}は {MaxValuesPerFilter} 件まで指定できます。", $"Choose at most {MaxValuesPerFilter} values for {labelEn}.")];
        else if (distinct.FirstOrDefault(v => !known(v)) is { } unknown)
        {
            var shown = unknown.Length > 40 ? unknown[..40] + "…" : unknown;
            errors[field] = [Message($"{labelJa}「{shown}」はありません。一覧から選んでください。", $"There is no {labelEn} \"{shown}\". Choose one from the list.")];
        }
        return distinct;
    }

    private static bool Flag(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value) || value == "false") return false;
        if (value == "true") return true;
        errors[field] = [Message($"{field} は true か false で指定してください。", $"{field} must be true or false.")];
        return false;
    }

    private static long? Number(string field, string? value, long min, long max, Dictionary<string, string[]> errors, string labelJa, string labelEn)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max) return number;
        errors[field] = [Message($"{labelJa}は {min:N0} 以上 {max:N0} 以下の整数で指定してください。", $"{labelEn} must be a whole number from {min:N0} to {max:N0}.")];
        return null;
    }

    private static string Message(string ja, string en) => Localization.CurrentLanguage == "en" ? en : ja;

    /// <summary>What the search asks, independent of parameter order: a cursor only continues the search it came from.</summary>
    private static string Fingerprint(VendorSearchCriteria? c)
    {
        if (c is null) return "";
        var canonical = string.Join('|', c.Text, string.Join(',', c.Types.Order()), string.Join(',', c.Services.Order()), string.Join(',', c.Certifications.Order()),
            c.ValidThrough.ToString("O"), c.VerifiedOnly, c.BcpOnly, string.Join(',', c.Regions.Order()), string.Join(',', c.Languages.Order()),
            c.CapacityMin, c.MonthlyFeeMin, c.MonthlyFeeMax, c.Sort);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 16));
    }

    private sealed record CursorPayload(string F, float R, int S, long Fee, Guid Id);

    private static string WriteCursor(IDataProtector protector, string fingerprint, VendorSearchPosition position) =>
        System.Buffers.Text.Base64Url.EncodeToString(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new CursorPayload(fingerprint, position.Rank, position.ProfileSections, position.FeeKey,
            position.OrganisationId))));

    /// <summary>Signed and encrypted by Data Protection: an edited cursor fails to unprotect, a foreign one fails the fingerprint.</summary>
    private static bool TryReadCursor(IDataProtector protector, string cursor, string fingerprint, out VendorSearchPosition? position)
    {
        position = null;
        try
        {
            if (cursor.Length > 1000) return false;
            var payload = JsonSerializer.Deserialize<CursorPayload>(protector.Unprotect(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)));
            if (payload is null || payload.F != fingerprint) return false;
            position = new VendorSearchPosition(payload.R, payload.S, payload.Fee, payload.Id);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return false;
        }
    }

}
