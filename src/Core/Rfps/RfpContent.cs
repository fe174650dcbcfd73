using Marketplace.Core.Texts;

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
    public static readonly IReadOnlyList<(string Code, int DefaultWeight)> All =
    [
        ("trackRecord", 15),
        ("organisation", 10),
        ("security", 15),
        ("slaQuality", 15),
        ("improvement", 10),
        ("bcp", 10),
        ("cost", 15),
        ("contractTerms", 10),
    ];

    public static EvaluationAxisWeight[] DefaultWeights() => All.Select(a => new EvaluationAxisWeight(a.Code, a.DefaultWeight)).ToArray();

    /// <summary>The axis's name (catalogue: evaluation.axis.*); an unknown code is shown as itself.</summary>
    public static Text Label(string code) => Text.Of($"evaluation.axis.{code}");
}

/// <summary>The seed's readiness checklist (導入前チェックリスト, 20 items), attached to every RFP.</summary>
public static class ReadinessChecklist
{
    /// <summary>The items' codes, in the seed's order; each reads as rfp.readiness.&lt;code&gt; in the catalogue.</summary>
    public static readonly IReadOnlyList<string> Items =
    [
        "purpose",
        "kpis",
        "scope",
        "exceptions",
        "coreNonCore",
        "manuals",
        "dataHandling",
        "accessRules",
        "ownerContact",
        "communication",
        "transition",
        "internalNotice",
        "costBreakdown",
        "extraCharges",
        "slaAgreed",
        "reviews",
        "subcontracting",
        "exitTerms",
        "vendorBcp",
        "notHandsOff",
    ];

    public static readonly IReadOnlySet<string> Codes = Items.ToHashSet(StringComparer.Ordinal);

    public static Text Label(string code) => Text.Of($"rfp.readiness.{code}");
}
