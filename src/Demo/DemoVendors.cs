using Marketplace.Core.Auditing;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Files;
using Marketplace.Core.Hosting;
using Marketplace.Core.Organisations;
using Marketplace.Core.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Demo;

/// <summary>
/// The marketplace a newcomer first searches: 210 vendors across BPO, ITO and KPO, each with a profile (services,
/// case studies, BCP, security, fees) and certifications, some verified, some awaiting a check, some expiring soon,
/// some expired. Generated from a fixed seed, so every run makes the same companies; idempotent.
/// </summary>
public static class DemoVendors
{
    public const int Count = 210;
    private const string MailDomain = "demo-vendors.example.jp";

    private static readonly string[] Prefixes =
    [
        "あおば", "さくら", "みなと", "ひかり", "やまびこ", "つばさ", "いろは", "はるかぜ", "こもれび", "あかつき", "しののめ", "すばる",
        "東京", "大阪", "名古屋", "札幌", "仙台", "横浜", "京都", "神戸", "広島", "福岡", "那覇", "金沢", "新潟", "静岡", "熊本", "岡山",
        "日本", "中央", "東邦", "西日本", "北陸", "九州", "関西", "湘南", "武蔵野", "富士",
    ];

    private static readonly Dictionary<string, string[]> Trades = new()
    {
        ["BPO"] = ["ビジネスサポート", "経理アウトソーシング", "ペイロールサービス", "人事ソリューションズ", "コンタクトセンター", "オフィスサービス", "BPOパートナーズ", "事務センター"],
        ["ITO"] = ["システムサービス", "ITマネジメント", "ネットワークサービス", "インフラテクノロジー", "ヘルプデスクサービス", "セキュリティオペレーションズ", "テクノサポート"],
        ["KPO"] = ["リサーチ", "データアナリティクス", "インサイト", "マーケティングリサーチ", "ナレッジパートナーズ", "コンサルティング"],
    };

    private static readonly string[] Industries = ["製造業", "小売業", "卸売業", "金融・保険", "医療・福祉", "情報通信", "建設業", "物流", "不動産", "飲食", "教育", "官公庁・自治体"];

    private static readonly Dictionary<string, (string Ja, string En)[]> CaseTemplates = new()
    {
        ["BPO"] =
        [
            ("{0}企業の給与計算を完全移管", "月 {1:N0} 名分の給与計算・年末調整を移管し、締め日から支給までを 2 営業日短縮。属人化していた手順を標準化しました。"),
            ("{0}企業の請求書処理センター", "月 {1:N0} 件の請求書受領・仕訳入力を集約。期限遵守率 99.8%、ミス率 0.05% 以下を維持。"),
            ("{0}企業の社会保険手続き代行", "入退社に伴う社会保険手続きを電子申請で一元化し、手続き漏れをゼロにしました（対象 {1:N0} 名）。"),
            ("{0}企業のコールセンター運営", "問い合わせ窓口を 24 時間化。月 {1:N0} 件の入電に応答率 95% で対応。"),
        ],
        ["ITO"] =
        [
            ("{0}企業のヘルプデスク運用", "社員 {1:N0} 名向けの IT ヘルプデスクを受託。一次解決率 82%、平均応答時間 30 秒。"),
            ("{0}企業のサーバー・ネットワーク監視", "拠点 {1:N0} か所のネットワークを 24 時間 365 日監視し、障害の一次切り分けを 15 分以内に実施。"),
            ("{0}企業の IT 資産管理", "PC・ライセンス {1:N0} 件の台帳を整備し、棚卸しを自動化。"),
            ("{0}企業の SOC 運用", "ログ監視とインシデント初動対応を受託。重大インシデントの通報を 1 時間以内に実施（監視対象 {1:N0} 台）。"),
        ],
        ["KPO"] =
        [
            ("{0}企業の市場調査", "新規事業に向け {1:N0} サンプルの消費者調査を設計・実施し、意思決定用のレポートを納品。"),
            ("{0}企業の経営ダッシュボード構築", "販売データ {1:N0} 万件を分析し、月次レポーティングを自動化。"),
            ("{0}企業の需要予測支援", "過去 5 年・{1:N0} 品目の実績から需要予測モデルを作成し、欠品を 30% 削減。"),
        ],
    };

    private static readonly string[] ExtraCharges =
    [
        "月間件数が見込みの 120% を超えた場合", "年末調整・算定基礎などの年次業務", "初期設定以外の帳票追加", "夜間・休日の緊急対応",
        "システム変更に伴う手順書の改訂", "拠点の追加", "英語対応",
    ];

    private static readonly string[] Inclusions = ["月次レポート", "定例会（月 1 回）", "手順書の整備と更新", "問い合わせ窓口（平日 9〜18 時）", "品質管理（ダブルチェック）"];

    private static readonly Dictionary<string, (string Unit, long Low, long High)> Units = new()
    {
        ["BPO"] = ("1 件", 80, 600),
        ["ITO"] = ("1 チケット", 1_500, 6_000),
        ["KPO"] = ("1 レポート", 30_000, 200_000),
    };

    /// <returns>How many demo vendors were added (0 when they are already there).</returns>
    public static async Task<int> SeedAsync(Func<MarketplaceDbContext> createContext, IFileStorage? evidenceStorage, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        await using (var check = createContext())
            if (await check.Organisations.AnyAsync(o => o.ContactEmail.EndsWith("@" + MailDomain), cancellationToken))
                return 0;

        var random = new Random(2026);
        var today = clock.Today();
        var names = new HashSet<string>();
        for (var n = 0; n < Count; n++)
        {
            string name;
            do name = CompanyName(TypeOf(n), random); while (!names.Add(name));
            await using var db = createContext();
            var organisation = await AddVendorAsync(db, n, name, $"demo-{n + 1:D3}", $"sales{n + 1}@{MailDomain}", evidenceStorage, random, today, clock.GetDatabaseNow(), cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(organisation.Id, "system:demo-seed", AuditActions.OrganisationRegistered, "organisation",
                organisation.Id.ToString(), null, new { organisation.Name, kind = "Vendor" }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return Count;
    }

    /// <summary>
    /// Load for benchmarks: <paramref name="count"/> more vendors made like the demo ones (numbered names, slugs
    /// bulk-N), each saved in its own organisation's context so that row-level security and the search entry apply
    /// exactly as for a real vendor. No audit entries or evidence files: they are load, not demo.
    /// </summary>
    /// <param name="parallelism">Concurrent connections.</param>
    public static async Task<int> SeedBulkAsync(Func<MarketplaceDbContext> createContext, int count, TimeProvider clock, int parallelism = 4,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int offset;
        await using (var db = createContext())
            offset = await db.VendorProfiles.CountAsync(p => p.Slug.StartsWith("bulk-"), cancellationToken);
        var today = clock.Today();
        await Parallel.ForAsync(offset, offset + count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (n, ct) =>
            {
                var random = new Random(n); // the same vendor n on every machine
                await using var db = createContext();
                await AddVendorAsync(db, n, $"{CompanyName(TypeOf(n), random)} 第{n + 1}センター", $"bulk-{n + 1}", $"vendor{n + 1}@bulk.example.jp", null, random, today,
                    clock.GetDatabaseNow(), ct);
                await db.SaveChangesAsync(ct);
            });
        return count;
    }

    /// <summary>Half BPO, three in ten ITO, two in ten KPO.</summary>
    private static string TypeOf(int n) => (n % 10) switch { < 5 => "BPO", < 8 => "ITO", _ => "KPO" };

    private static string CompanyName(string type, Random random)
    {
        var trade = Trades[type][random.Next(Trades[type].Length)];
        var prefix = Prefixes[random.Next(Prefixes.Length)];
        return random.Next(3) == 0 ? $"株式会社{prefix}{trade}" : $"{prefix}{trade}株式会社";
    }

    /// <summary>Adds (unsaved) a vendor organisation with its profile and certifications; the context then acts for it.</summary>
    private static async Task<Organisation> AddVendorAsync(MarketplaceDbContext db, int n, string name, string slug, string email, IFileStorage? evidenceStorage,
        Random random, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var type = TypeOf(n);
        var organisation = new Organisation(name, OrganisationKind.Vendor, email, "ja", now);
        db.Tenant.Set(organisation.Id);
        db.Organisations.Add(organisation);
        db.VendorProfiles.Add(Profile(organisation, slug, type, ServicesOf(type, random), random, today, now));
        foreach (var (certification, state) in Certifications(organisation.Id, type, random, today, now))
            await AddCertificationAsync(db, certification, state, evidenceStorage, now, cancellationToken);
        return organisation;
    }

    /// <summary>
    /// The named demo vendors (<see cref="DemoSeeder.Organisations"/>): each writes its own complete, listed profile with
    /// what <see cref="DemoSeeder.DemoOffer"/> says it offers, and holds a verified ISMS and Privacy Mark valid for
    /// nearly three years, so that it matches the demo RFPs it takes part in. Idempotent: a vendor with a profile is left alone.
    /// </summary>
    /// <returns>How many profiles were added.</returns>
    public static async Task<int> SeedNamedAsync(Func<MarketplaceDbContext> createContext, IFileStorage? evidenceStorage, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        var added = 0;
        var today = clock.Today();
        foreach (var (named, n) in DemoSeeder.Organisations.Where(o => o.Offer is not null).Select((o, n) => (o, n)))
        {
            var id = await DemoSeeder.IdOfAsync(createContext, named.Name, cancellationToken);
            await using var db = createContext();
            db.Tenant.Set(id);
            if (await db.VendorProfiles.AnyAsync(p => p.OrganisationId == id, cancellationToken)) continue;
            var organisation = await db.Organisations.SingleAsync(o => o.Id == id, cancellationToken);
            var offer = named.Offer!;
            var own = offer.Services.Select(code => CatalogueSeed.Services.Single(s => s.Code == code)).ToList();
            var now = clock.GetDatabaseNow();
            var profile = Profile(organisation, offer.Slug, own[0].TypeCode, own, new Random(n), today, now);
            profile.Industries = offer.Industries;
            profile.ClientSizes = offer.ClientSizes;
            (profile.HasBcp, profile.BackupSites, profile.RecoveryTimeObjectiveHours, profile.LastDrillOn) = (true, "東京・大阪のセンターで相互バックアップ", 24, today.AddMonths(-3));
            profile.MonthlyBaseYen = offer.MonthlyBaseYen;
            profile.UnitPrices = [new UnitPrice { Unit = $"1 {offer.Unit}", Bands = [new VolumeBand { FromQuantity = 0, PriceYen = offer.PerUnitYen }] }];
            (profile.ContactName, profile.CapacityFte, profile.Regions, profile.Languages) = ("営業部", 30, ["nationwide", "remote"], ["ja", "en"]);
            db.VendorProfiles.Add(profile);
            var validFrom = today.AddMonths(-2);
            foreach (var kind in new[] { "isms", "pmark" })
            {
                var certification = new Certification(id, now);
                certification.Describe(kind, null, CertificationNumber(kind, new Random(n * 10 + kind.Length)), CertificationScope(kind), CertificationIssuer(kind),
                    validFrom, validFrom.AddYears(3).AddDays(-1), now);
                await AddCertificationAsync(db, certification, state: 9, evidenceStorage, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            added++;
        }
        return added;
    }

    /// <summary>Adds a certification in its state (see <see cref="Certifications"/>); from "awaiting a check" on, with an evidence file when there is storage for it.</summary>
    private static async Task AddCertificationAsync(MarketplaceDbContext db, Certification certification, int state, IFileStorage? evidenceStorage, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (state >= 2)
        {
            if (evidenceStorage is not null)
            {
                var key = await evidenceStorage.SaveAsync(new MemoryStream(DemoEvidence), "pdf", cancellationToken);
                certification.AttachEvidence(key, $"{certification.Type}-certificate.pdf", "application/pdf", DemoEvidence.Length, now);
            }
            if (state >= 4) certification.Verify(Guid.Empty, now); // Guid.Empty: verified by the seed, not by a person
        }
        db.Certifications.Add(certification);
    }

    private static readonly Dictionary<string, List<CatalogueService>> Services =
        CatalogueSeed.Services.GroupBy(s => s.TypeCode).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>Two to four services of the type; some vendors also offer one of another type.</summary>
    private static List<CatalogueService> ServicesOf(string type, Random random)
    {
        var own = Services[type].OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
        var other = Services[type == "ITO" ? "BPO" : "ITO"];
        if (random.Next(4) == 0) own.Add(other[random.Next(other.Count)]);
        return own;
    }

    private static VendorProfile Profile(Organisation organisation, string slug, string type, List<CatalogueService> own, Random random, DateOnly today, DateTimeOffset now)
    {
        var staff = random.Next(3) switch { 0 => random.Next(15, 80), 1 => random.Next(80, 500), _ => random.Next(500, 5000) };
        var industries = Industries.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
        var sizes = new[] { "small", "medium", "large", "enterprise" }.Where(_ => random.Next(2) == 0).DefaultIfEmpty("medium").ToArray();
        var (unit, low, high) = Units[type];
        var firstPrice = low + random.NextInt64(high - low);
        var hasBcp = random.Next(10) < 8;
        var serviceNames = string.Join("・", own.Take(3).Select(s => s.NameJa));
        return new VendorProfile(organisation.Id, slug, now)
        {
            Summary = $"{organisation.Name}は、{serviceNames}を中心に、{string.Join("・", industries.Take(2))}のお客様から業務を受託しています。"
                      + $"{staff:N0} 名の体制で、手順書と KPI による見える化を徹底し、ブラックボックス化しない運用をお約束します。",
            SummaryEn = $"{own[0].NameEn} and related services for {industries.Length} industries, with {staff:N0} staff and documented, KPI-driven operations.",
            ServiceIds = own.Select(s => s.Id).Distinct().ToArray(),
            Industries = industries,
            ClientSizes = sizes,
            CaseStudies = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            {
                var (title, body) = CaseTemplates[type][random.Next(CaseTemplates[type].Length)];
                var industry = industries[random.Next(industries.Length)];
                return new CaseStudy
                {
                    Title = string.Format(title, industry), Industry = industry, ClientSize = sizes[random.Next(sizes.Length)],
                    Description = string.Format(body, industry, random.Next(2, 60) * 100), Year = today.Year - random.Next(0, 6),
                };
            }).ToList(),
            StaffCount = staff,
            BackupStructure = random.Next(2) == 0 ? "主担当・副担当の 2 名体制。担当者不在時は副担当が即日引き継ぎます。" : "チーム制（5 名単位）で、業務手順を全員で共有しています。",
            ContactName = "営業部 窓口",
            ContactEmail = organisation.ContactEmail,
            HasBcp = hasBcp,
            BackupSites = hasBcp ? (random.Next(2) == 0 ? "大阪・福岡のセンターで相互バックアップ" : "在宅勤務による分散運用") : null,
            RecoveryTimeObjectiveHours = hasBcp ? new[] { 4, 8, 24, 48, 72 }[random.Next(5)] : null,
            LastDrillOn = hasBcp ? today.AddDays(-random.Next(20, 500)) : null,
            AccessControl = "ID とパスワードに加え多要素認証。権限は業務単位で最小限に付与し、四半期ごとに棚卸し。",
            AuditLogging = random.Next(3) == 0 ? null : "操作ログを取得し 1 年以上保管。月次で不審な操作を確認。",
            SubcontractingPolicy = random.Next(2) == 0 ? "再委託は行いません。" : "再委託は事前の書面承認を得た場合に限り、同等のセキュリティ基準を課します。",
            IncidentResponse = "インシデント発生時は 1 時間以内に一次報告、24 時間以内に詳細報告。",
            InitialFeeYen = random.Next(0, 20) * 50_000,
            MonthlyBaseYen = type switch { "KPO" => random.Next(2, 20) * 100_000, "ITO" => random.Next(3, 40) * 50_000, _ => random.Next(2, 30) * 50_000 },
            UnitPrices =
            [
                new UnitPrice
                {
                    Unit = unit,
                    Bands =
                    [
                        new VolumeBand { FromQuantity = 0, PriceYen = firstPrice },
                        new VolumeBand { FromQuantity = type == "KPO" ? 10 : 1_000, PriceYen = firstPrice * 85 / 100 },
                        new VolumeBand { FromQuantity = type == "KPO" ? 50 : 5_000, PriceYen = firstPrice * 70 / 100 },
                    ],
                },
            ],
            ExtraChargeConditions = ExtraCharges.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray(),
            StandardInclusions = Inclusions.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray(),
            Regions = random.Next(3) == 0 ? ["nationwide", "remote"] : new[] { "kanto", "kinki", "chubu", "kyushu-okinawa", "tohoku", "hokkaido" }.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray(),
            Languages = random.Next(4) == 0 ? ["ja", "en", "zh"] : random.Next(2) == 0 ? ["ja", "en"] : ["ja"],
            CapacityFte = random.Next(1, 60),
            UpdatedAt = now,
        };
    }

    private static string CertificationNumber(string kind, Random random) =>
        kind switch { "pmark" => $"{random.Next(10000000, 99999999)}", _ => $"IS {random.Next(100000, 999999)}" };

    private static string CertificationScope(string kind) => kind switch { "pmark" => "全社", _ => "本社および運用センターにおける業務受託サービス" };

    private static string CertificationIssuer(string kind) =>
        kind switch { "pmark" => "一般財団法人日本情報経済社会推進協会", "soc2" => "監査法人（Type 2 報告書）", _ => "一般財団法人日本品質保証機構" };

    private static readonly byte[] DemoEvidence = "%PDF-1.7\n% Marketplace demo evidence\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// ISMS for most, the Privacy Mark mostly for BPO; each with a state: 0 expired, 1 expiring within two months,
    /// 2-3 awaiting a check, 4-9 verified.
    /// </summary>
    private static List<(Certification Certification, int State)> Certifications(Guid organisationId, string type, Random random, DateOnly today, DateTimeOffset now)
    {
        var held = new List<string>();
        if (random.Next(10) < 7) held.Add("isms");
        if (random.Next(10) < (type == "BPO" ? 7 : 3)) held.Add("pmark");
        if (random.Next(10) < 3) held.Add("iso9001");
        if (type == "ITO" && random.Next(10) < 3) held.Add("soc2");
        var result = new List<(Certification, int)>();
        foreach (var kind in held)
        {
            var state = random.Next(10);
            var validTo = state switch { 0 => today.AddDays(-random.Next(10, 200)), 1 => today.AddDays(random.Next(5, 60)), _ => today.AddDays(random.Next(200, 900)) };
            var certification = new Certification(organisationId, now);
            certification.Describe(kind, null, CertificationNumber(kind, random), CertificationScope(kind), CertificationIssuer(kind), validTo.AddYears(-3), validTo, now);
            result.Add((certification, state));
        }
        return result;
    }
}
