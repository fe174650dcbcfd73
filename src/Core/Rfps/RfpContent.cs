namespace Marketplace.Core.Rfps;

/// <summary>One KPI row. A draft may hold it half filled (any part null); publishing requires every part.</summary>
/// <param name="Direction">higher or lower: which way is better.</param>
public sealed record KpiTarget(string? Metric, string? Unit, decimal? Target, string? Direction)
{
    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Directions = new Dictionary<string, (string Ja, string En)>
    {
        ["higher"] = ("高いほど良い", "higher is better"),
        ["lower"] = ("低いほど良い", "lower is better"),
    };

    /// <summary>The largest target (either sign) a KPI may have.</summary>
    public const decimal TargetMax = 999_999_999m;
}

/// <summary>One volume row. A draft may hold it half filled; publishing requires every part.</summary>
/// <param name="MonthlyQuantity">The expected volume a month, for the total cost comparison.</param>
public sealed record ExpectedVolume(string? Item, string? Unit, long? MonthlyQuantity)
{
    public const long MonthlyQuantityMax = 1_000_000_000;
}

/// <param name="Code">A key of <see cref="EvaluationAxes.All"/>.</param>
public sealed record EvaluationAxisWeight(string Code, int Weight);

/// <summary>
/// Everything an RFP says, as the client writes it: the sections of domain.md. Saved as one document while it is a
/// draft (the builder saves as the user types) and frozen into a version when published. Money is JPY, tax-exclusive.
/// </summary>
public sealed record RfpContent
{
    public string Title { get; init; } = "";
    public string? Purpose { get; init; }
    public string? Background { get; init; }
    /// <summary>The client's industry (for "track record in the same industry" when matching).</summary>
    public string? ClientIndustry { get; init; }
    /// <summary>The client's size, a key of <see cref="Vendors.VendorVocabulary.ClientSizes"/>.</summary>
    public string? ClientSize { get; init; }
    public string? CurrentState { get; init; }
    public ExpectedVolume[] CurrentVolumes { get; init; } = [];
    public string[] ScopeIn { get; init; } = [];
    public string[] ScopeOut { get; init; } = [];
    public string? ResponsibilityBoundary { get; init; }
    public KpiTarget[] Kpis { get; init; } = [];
    public string? Communication { get; init; }
    public DateOnly? TransitionStart { get; init; }
    public int? ParallelRunWeeks { get; init; }
    public string? TransitionPlan { get; init; }
    public string[] RequiredCertifications { get; init; } = [];
    public bool CertificationsValidThroughContractEnd { get; init; }
    public string? SecurityRequirements { get; init; }
    public bool BcpRequired { get; init; }
    public int? ContractTermMonths { get; init; }
    public long? BudgetMinYen { get; init; }
    public long? BudgetMaxYen { get; init; }
    public ExpectedVolume[] ExpectedVolumes { get; init; } = [];
    public DateTimeOffset? QuestionDeadline { get; init; }
    public DateTimeOffset? ProposalDeadline { get; init; }
    /// <summary>public or invited.</summary>
    public string Visibility { get; init; } = "public";
    public EvaluationAxisWeight[] EvaluationAxes { get; init; } = Rfps.EvaluationAxes.DefaultWeights();
    public Guid[] ServiceIds { get; init; } = [];
    public string[] Regions { get; init; } = [];
    public string[] Languages { get; init; } = [];
    /// <summary>The readiness checklist's items the client has ticked (<see cref="ReadinessChecklist.Items"/>).</summary>
    public string[] ReadinessDone { get; init; } = [];

    /// <summary>The KPI rows with every part filled: all of them once published (publishing requires it).</summary>
    public IEnumerable<(string Metric, string Unit, decimal Target, string Direction)> FilledKpis() =>
        Kpis.Where(k => !string.IsNullOrWhiteSpace(k.Metric) && !string.IsNullOrWhiteSpace(k.Unit) && k is { Target: not null, Direction: not null })
            .Select(k => (k.Metric!, k.Unit!, k.Target!.Value, k.Direction!));

    /// <summary>Whether the two say the same (records compare their arrays by reference, so compare the documents).</summary>
    public bool SameAs(RfpContent other) => Data.DocumentEquality.Same(this, other);

    /// <summary>When the contract starts: the transition start, else the day of the proposal deadline; null when neither is known.</summary>
    public DateOnly? ContractStart() => TransitionStart ?? (ProposalDeadline is { } deadline ? DateOnly.FromDateTime(deadline.UtcDateTime) : null);

    /// <summary>When the contract ends: its start plus the term; null until both are known.</summary>
    public DateOnly? ContractEnd() => ContractStart() is { } start && ContractTermMonths is { } months ? start.AddMonths(months) : null;

    /// <summary>Every free text of the RFP, for the disguised-contracting check.</summary>
    public IEnumerable<string?> Texts() =>
        [Title, Purpose, Background, CurrentState, .. ScopeIn, .. ScopeOut, ResponsibilityBoundary, Communication, TransitionPlan, SecurityRequirements,
         .. Kpis.Select(k => k.Metric)];
}

/// <summary>The seed's eight selection axes; the default weights sum to 100.</summary>
public static class EvaluationAxes
{
    public static readonly IReadOnlyList<(string Code, string Ja, string En, int DefaultWeight)> All =
    [
        ("trackRecord", "実績", "Track record", 15),
        ("organisation", "体制", "Organisation", 10),
        ("security", "セキュリティ", "Security", 15),
        ("slaQuality", "SLA・品質管理", "SLA and quality management", 15),
        ("improvement", "改善提案力", "Improvement proposals", 10),
        ("bcp", "BCP", "BCP", 10),
        ("cost", "費用の内訳", "Cost breakdown", 15),
        ("contractTerms", "契約条件", "Contract terms", 10),
    ];

    public static EvaluationAxisWeight[] DefaultWeights() => All.Select(a => new EvaluationAxisWeight(a.Code, a.DefaultWeight)).ToArray();
}

/// <summary>The seed's readiness checklist (導入前チェックリスト, 20 items), attached to every RFP.</summary>
public static class ReadinessChecklist
{
    public static readonly IReadOnlyList<(string Code, string Ja, string En)> Items =
    [
        ("purpose", "アウトソーシングの目的と期待効果が明確か", "The purpose and expected effects are clear"),
        ("kpis", "KPI・評価指標が設定されているか", "KPIs and measures are set"),
        ("scope", "委託対象業務と対象外業務が整理されているか", "What is in and out of scope is sorted out"),
        ("exceptions", "例外処理や判断が必要なケースを洗い出しているか", "Exceptions and judgement cases are listed"),
        ("coreNonCore", "コア業務とノンコア業務の切り分けができているか", "Core and non-core work are separated"),
        ("manuals", "業務手順書・マニュアルが整備されているか", "Procedures and manuals are in place"),
        ("dataHandling", "データ・個人情報の取り扱い範囲が明確か", "The handling of data and personal information is clear"),
        ("accessRules", "アクセス権限やセキュリティルールを定義しているか", "Access rights and security rules are defined"),
        ("ownerContact", "社内の窓口・責任者が決まっているか", "An internal contact and owner are named"),
        ("communication", "委託先とのコミュニケーション方法が定義されているか", "How to communicate with the vendor is defined"),
        ("transition", "並走期間・移行スケジュールを想定しているか", "A parallel run and transition schedule are planned"),
        ("internalNotice", "社内への周知・説明計画があるか", "There is a plan to inform staff"),
        ("costBreakdown", "費用の内訳（初期費用／月額／追加費用）を把握しているか", "The cost breakdown (initial, monthly, extra) is understood"),
        ("extraCharges", "追加費用が発生する条件を理解しているか", "The conditions for extra charges are understood"),
        ("slaAgreed", "SLA・品質基準を合意しているか", "SLA and quality standards are agreed"),
        ("reviews", "定期レビュー・改善の仕組みがあるか", "Regular reviews and improvement are set up"),
        ("subcontracting", "再委託の可否と管理方法を確認しているか", "Subcontracting rules are checked"),
        ("exitTerms", "契約解除・内製回帰時の条件を確認しているか", "Exit and insourcing terms are checked"),
        ("vendorBcp", "委託先のBCP（事業継続計画）を確認しているか", "The vendor's BCP is checked"),
        ("notHandsOff", "「任せっぱなし」にしない運用方針を決めているか", "An operating policy that avoids a hands-off approach is decided"),
    ];

    public static readonly IReadOnlySet<string> Codes = Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
}
