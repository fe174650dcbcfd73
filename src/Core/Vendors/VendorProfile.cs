using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Vendors;

/// <summary>
/// A vendor organisation's public profile (domain.md, "The vendor profile"): what it offers, its track record,
/// organisation, BCP, security practices, fees, regions, languages and capacity. Owned by the vendor (only its
/// owner, admins and sales write it), read by everyone: the marketplace is built on it.
/// </summary>
public sealed class VendorProfile : ITenantWritten
{
    public const int SlugMaxLength = 64;
    public const int ShortTextMaxLength = 200;
    public const int LongTextMaxLength = 4000;

    private VendorProfile() { }

    public VendorProfile(Guid organisationId, string slug, DateTimeOffset now)
    {
        OrganisationId = organisationId;
        Slug = slug;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid OrganisationId { get; private set; }
    /// <summary>The readable part of /vendors/{slug}; unique.</summary>
    public string Slug { get; set; } = "";
    public string? Summary { get; set; }
    public string? SummaryEn { get; set; }

    /// <summary>Catalogue services offered.</summary>
    public Guid[] ServiceIds { get; set; } = [];

    // Track record
    public string[] Industries { get; set; } = [];
    /// <summary>Codes from <see cref="VendorVocabulary.ClientSizes"/>.</summary>
    public string[] ClientSizes { get; set; } = [];
    public List<CaseStudy> CaseStudies { get; set; } = [];

    // Organisation
    public int? StaffCount { get; set; }
    public string? BackupStructure { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    // BCP
    public bool? HasBcp { get; set; }
    public string? BackupSites { get; set; }
    public int? RecoveryTimeObjectiveHours { get; set; }
    public DateOnly? LastDrillOn { get; set; }

    // Security practices
    public string? AccessControl { get; set; }
    public string? AuditLogging { get; set; }
    public string? SubcontractingPolicy { get; set; }
    public string? IncidentResponse { get; set; }

    // Fees: yen, tax-exclusive
    public long? InitialFeeYen { get; set; }
    public long? MonthlyBaseYen { get; set; }
    public List<UnitPrice> UnitPrices { get; set; } = [];
    public string[] ExtraChargeConditions { get; set; } = [];
    public string[] StandardInclusions { get; set; } = [];

    /// <summary>Codes from <see cref="VendorVocabulary.Regions"/>.</summary>
    public string[] Regions { get; set; } = [];
    /// <summary>ISO 639-1 codes from <see cref="VendorVocabulary.Languages"/>.</summary>
    public string[] Languages { get; set; } = [];
    /// <summary>Staff (full-time equivalents) the vendor can put on new work now.</summary>
    public int? CapacityFte { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

// Classes rather than records: EF tracks these JSON-mapped owned entities by reference.

/// <summary>A reference engagement: what was done, for what kind of client.</summary>
public sealed class CaseStudy
{
    public string Title { get; set; } = "";
    public string? Industry { get; set; }
    /// <summary>A code from <see cref="VendorVocabulary.ClientSizes"/>.</summary>
    public string? ClientSize { get; set; }
    public string Description { get; set; } = "";
    public int? Year { get; set; }
}

/// <summary>A per-unit price (従量課金) with volume bands: each band's price applies from its lower bound.</summary>
public sealed class UnitPrice
{
    /// <summary>What is counted: 1 件, 1 枚, 1 時間...</summary>
    public string Unit { get; set; } = "";
    public List<VolumeBand> Bands { get; set; } = [];

    /// <summary>
    /// The charge for a month's quantity, graduated: each band's price applies to the units from its lower bound up to
    /// the next band's (as a tax table), so crossing a band never makes the whole month cheaper or dearer at a stroke.
    /// </summary>
    public long MonthlyCharge(long quantity)
    {
        var bands = Bands.OrderBy(b => b.FromQuantity).ToList();
        long total = 0;
        for (var i = 0; i < bands.Count; i++)
        {
            var upTo = i + 1 < bands.Count ? Math.Min(quantity, bands[i + 1].FromQuantity) : quantity;
            if (upTo > bands[i].FromQuantity) total += (upTo - bands[i].FromQuantity) * bands[i].PriceYen;
        }
        return total;
    }

    /// <summary>Whether this price counts the RFP's unit: "1 件", "１件" and "件" name the same one.</summary>
    public bool Counts(string unit) => Normalise(Unit) == Normalise(unit);

    private static string Normalise(string unit)
    {
        // Matching compares every vendor's units with the RFP's, tens of thousands of times per RFP, over a handful of
        // distinct units: each is normalised once (a cap keeps odd input from growing the cache without end).
        if (NormalisedUnits.TryGetValue(unit, out var normalised)) return normalised;
        normalised = System.Text.RegularExpressions.Regex.Replace(unit.Normalize(System.Text.NormalizationForm.FormKC), @"^\s*1(?!\d)\s*|\s+", "");
        if (NormalisedUnits.Count < 10_000) NormalisedUnits.TryAdd(unit, normalised);
        return normalised;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NormalisedUnits = new(StringComparer.Ordinal);
}

public sealed class VolumeBand
{
    /// <summary>Monthly quantity from which this price applies (the first band starts at 0).</summary>
    public long FromQuantity { get; set; }
    public long PriceYen { get; set; }
}

/// <summary>The closed lists a profile chooses from, with their Japanese and English names.</summary>
public static class VendorVocabulary
{
    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> ClientSizes = new Dictionary<string, (string, string)>
    {
        ["small"] = ("小規模（〜50 名）", "small (up to 50)"),
        ["medium"] = ("中規模（51〜300 名）", "medium (51-300)"),
        ["large"] = ("大規模（301〜1,000 名）", "large (301-1,000)"),
        ["enterprise"] = ("大企業（1,001 名〜）", "enterprise (1,001+)"),
    };

    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Regions = new Dictionary<string, (string, string)>
    {
        ["nationwide"] = ("全国", "nationwide"),
        ["hokkaido"] = ("北海道", "Hokkaido"),
        ["tohoku"] = ("東北", "Tohoku"),
        ["kanto"] = ("関東", "Kanto"),
        ["chubu"] = ("中部", "Chubu"),
        ["kinki"] = ("近畿", "Kinki"),
        ["chugoku"] = ("中国", "Chugoku"),
        ["shikoku"] = ("四国", "Shikoku"),
        ["kyushu-okinawa"] = ("九州・沖縄", "Kyushu and Okinawa"),
        ["remote"] = ("リモート対応", "remote"),
    };

    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Languages = new Dictionary<string, (string, string)>
    {
        ["ja"] = ("日本語", "Japanese"),
        ["en"] = ("英語", "English"),
        ["zh"] = ("中国語", "Chinese"),
        ["ko"] = ("韓国語", "Korean"),
        ["vi"] = ("ベトナム語", "Vietnamese"),
        ["pt"] = ("ポルトガル語", "Portuguese"),
    };
}
