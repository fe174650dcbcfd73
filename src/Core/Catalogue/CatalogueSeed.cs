namespace Marketplace.Core.Catalogue;

/// <summary>
/// The catalogue as first shipped: the three types and the services domain.md names, plus a few every BPO buyer
/// asks for. Ids are fixed so that the migration that inserts them and later references agree.
/// </summary>
public static class CatalogueSeed
{
    private static readonly DateTimeOffset Shipped = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    public static readonly OutsourcingType[] Types =
    [
        new("BPO", "ビジネス・プロセス・アウトソーシング（BPO）", "Business process outsourcing (BPO)", 1),
        new("ITO", "IT アウトソーシング（ITO）", "IT outsourcing (ITO)", 2),
        new("KPO", "ナレッジ・プロセス・アウトソーシング（KPO）", "Knowledge process outsourcing (KPO)", 3),
    ];

    private static CatalogueService Service(int number, string type, string code, string ja, string en) =>
        new(new Guid($"00000000-0000-7000-8000-{number:D12}"), type, code, ja, en, number, Shipped);

    public static readonly CatalogueService[] Services =
    [
        Service(1, "BPO", "payroll", "給与計算", "Payroll"),
        Service(2, "BPO", "social-insurance", "社会保険手続き", "Social insurance procedures"),
        Service(3, "BPO", "bookkeeping", "経理・仕訳", "Bookkeeping and journal entries"),
        Service(4, "BPO", "invoice-processing", "請求書処理", "Invoice processing"),
        Service(5, "BPO", "recruiting-admin", "採用事務（応募者対応・日程調整）", "Recruiting administration"),
        Service(6, "BPO", "reception-general-affairs", "受付・総務", "Reception and general affairs"),
        Service(7, "BPO", "contact-centre", "コールセンター・問い合わせ対応", "Contact centre"),
        Service(8, "BPO", "data-entry", "データ入力", "Data entry"),
        Service(101, "ITO", "server-network-operations", "サーバー・ネットワーク運用保守", "Server and network operation"),
        Service(102, "ITO", "helpdesk", "ヘルプデスク", "IT helpdesk"),
        Service(103, "ITO", "infrastructure", "インフラ構築", "Infrastructure build"),
        Service(104, "ITO", "it-asset-management", "IT 資産管理", "IT asset management"),
        Service(105, "ITO", "security-operations", "セキュリティ運用（SOC）", "Security operations (SOC)"),
        Service(201, "KPO", "data-analysis", "データ分析", "Data analysis"),
        Service(202, "KPO", "reporting", "レポーティング", "Reporting"),
        Service(203, "KPO", "market-research", "市場調査", "Market research"),
        Service(204, "KPO", "decision-support", "意思決定支援", "Decision support"),
    ];
}
