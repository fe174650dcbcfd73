using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Demo;

/// <summary>
/// The demo data set that ./run.sh loads. Idempotent: running it again adds only what is missing. Every later
/// feature extends it so that a newcomer's first look shows each capability with realistic companies.
/// </summary>
public static class DemoSeeder
{
    /// <param name="OwnerEmail">The organisation's own person (an account without a password: their part is seeded);
    /// null for the two organisations the demo person owns.</param>
    /// <param name="Offer">For a vendor, what its listed profile offers.</param>
    public sealed record DemoOrganisation(string Name, OrganisationKind Kind, string ContactEmail, string? OwnerEmail, DemoOffer? Offer = null);

    /// <summary>What a named demo vendor offers: its services (catalogue codes), one unit price and whom it has worked for.</summary>
    public sealed record DemoOffer(string Slug, string[] Services, long MonthlyBaseYen, string Unit, long PerUnitYen, string[] Industries, string[] ClientSizes);

    /// <summary>
    /// Three clients and five vendors, each a company of its own. The demo person owns the first client and the first
    /// vendor (to show switching between them); that vendor takes part only in another client's RFP, as any vendor would.
    /// </summary>
    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new("株式会社さくら物産", OrganisationKind.Client, "procurement@sakura-bussan.example.jp", null),
        new("みなと精機株式会社", OrganisationKind.Client, "kobai@minato-seiki.example.jp", "tanaka.kobai@minato-seiki.example.jp"),
        new("青葉ホールディングス株式会社", OrganisationKind.Client, "sourcing@aoba-hd.example.jp", "sato.sourcing@aoba-hd.example.jp"),
        new("東京ビジネスサポート株式会社", OrganisationKind.Vendor, "sales@tokyo-bizsupport.example.jp", null,
            new("tokyo-bizsupport", ["reporting", "market-research", "data-analysis"], 150_000, "本", 5_000, ["金融・保険", "卸売業", "情報通信"], ["large", "enterprise"])),
        new("北斗データサービス株式会社", OrganisationKind.Vendor, "info@hokuto-data.example.jp", "suzuki@hokuto-data.example.jp",
            new("hokuto-data", ["data-entry", "invoice-processing", "helpdesk"], 80_000, "件", 200, ["卸売業", "製造業", "物流"], ["medium", "large"])),
        new("株式会社なにわアウトソーシング", OrganisationKind.Vendor, "contact@naniwa-os.example.jp", "takahashi@naniwa-os.example.jp",
            new("naniwa-os", ["invoice-processing", "bookkeeping", "payroll"], 120_000, "件", 250, ["卸売業", "小売業", "飲食"], ["small", "medium"])),
        new("ミライ経理パートナーズ株式会社", OrganisationKind.Vendor, "hello@mirai-keiri.example.jp", "ito@mirai-keiri.example.jp",
            new("mirai-keiri", ["payroll", "social-insurance", "bookkeeping"], 100_000, "名", 700, ["卸売業", "医療・福祉", "建設業"], ["medium", "large"])),
        new("株式会社九州コンタクトセンター", OrganisationKind.Vendor, "eigyo@kyushu-cc.example.jp", "watanabe@kyushu-cc.example.jp",
            new("kyushu-cc", ["contact-centre", "helpdesk", "data-entry"], 150_000, "件", 250, ["製造業", "小売業", "金融・保険"], ["large", "enterprise"])),
    ];

    /// <summary>The demo person's own vendor organisation.</summary>
    public static DemoOrganisation DemoVendor => Organisations.First(o => o.Kind == OrganisationKind.Vendor && o.OwnerEmail is null);

    /// <summary>The named vendors other than the demo person's, in order: the ones that take part in the demo client's RFPs.</summary>
    public static IReadOnlyList<DemoOrganisation> OtherVendors => Organisations.Where(o => o.Kind == OrganisationKind.Vendor && o.OwnerEmail is not null).ToList();

    /// <summary>The demo person: owner of the first client and the first vendor, to show switching between them.</summary>
    public const string DemoEmail = "demo@marketplace.example";

    /// <param name="createContext">A new context per organisation: registering one sets the scope's organisation.</param>
    /// <param name="demoPassword">The demo person's password; no demo person is created without one.</param>
    /// <returns>How many organisations were added (0 when the demo set is already there).</returns>
    public static async Task<int> SeedAsync(Func<MarketplaceDbContext> createContext, string? demoPassword, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        Guid? demoPerson = null;
        List<string> existing;
        await using (var db = createContext())
        {
            var names = Organisations.Select(o => o.Name).ToList();
            existing = await db.Organisations.Where(o => names.Contains(o.Name)).Select(o => o.Name).ToListAsync(cancellationToken);
            if (demoPassword is { Length: > 0 })
                demoPerson = await DemoPeople.EnsureAsync(db, DemoEmail, demoPassword, clock, cancellationToken);
        }
        var missing = Organisations.Where(o => !existing.Contains(o.Name)).ToList();
        foreach (var o in missing)
        {
            await using var db = createContext();
            await db.RegisterAsync(o.Name, o.Kind, o.ContactEmail, "ja", ownerUserId: null, "system:demo-seed", null, clock, cancellationToken);
        }
        // Every organisation has an owner of its own; the demo person's two also on a database seeded before they existed.
        foreach (var o in Organisations)
        {
            Guid owner;
            if (o.OwnerEmail is { } email)
                await using (var db = createContext())
                    owner = await DemoPeople.EnsureAsync(db, email, password: null, clock, cancellationToken);
            else if (demoPerson is { } person) owner = person;
            else continue;
            await DemoPeople.EnsureMemberAsync(createContext, await IdOfAsync(createContext, o.Name, cancellationToken), owner, OrganisationRoles.Owner, clock,
                cancellationToken);
        }
        return missing.Count;
    }

    internal static async Task<Guid> IdOfAsync(Func<MarketplaceDbContext> createContext, string organisationName, CancellationToken cancellationToken)
    {
        await using var lookup = createContext();
        return await lookup.Organisations.Where(x => x.Name == organisationName).Select(x => x.Id).SingleAsync(cancellationToken);
    }
}
