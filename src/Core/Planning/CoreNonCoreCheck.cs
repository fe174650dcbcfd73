using Marketplace.Core.Catalogue;
using Marketplace.Core.Vendors;

namespace Marketplace.Core.Planning;

/// <summary>Which way a "yes" to a check item points.</summary>
public enum CheckDirection
{
    /// <summary>Yes makes the task a better outsourcing candidate.</summary>
    Outsource,
    /// <summary>Yes means the task belongs in-house (core work, judgement, knowledge to keep).</summary>
    Keep,
    /// <summary>Yes adds a condition to outsourcing it (for example: the vendor must hold ISMS or Pマーク).</summary>
    Condition,
}

public sealed record CheckItem(string Code, CheckDirection Direction, string Ja, string En);

public enum OutsourcingVerdict
{
    /// <summary>More points to outsourcing than to keeping: a candidate.</summary>
    Candidate,
    /// <summary>Mixed: outsource the standardisable part and keep the judgement.</summary>
    Partial,
    /// <summary>Core work: keep it in-house.</summary>
    Keep,
}

/// <param name="Reasons">Why, one sentence each, in the reader's language.</param>
/// <param name="SuggestedType">BPO, ITO or KPO, when outsourcing is suggested.</param>
/// <param name="SuggestedServiceId">The catalogue service the task's name reads as, when one does.</param>
public sealed record OutsourcingAssessment(OutsourcingVerdict Verdict, string? SuggestedType, Guid? SuggestedServiceId, IReadOnlyList<string> Reasons);

/// <summary>
/// The seed's core/non-core check (コア/ノンコア判定, 10 items): "the more items that point to outsourcing apply, the
/// better a candidate". Each item has a direction: being standardisable, seasonal, person-dependent or better done by
/// specialists points out; being revenue-linked, a competitive advantage, knowledge to keep or judgement-heavy points
/// in (the seed's "unsuitable" work); handling confidential data is a condition on the vendor, not a reason either way.
/// </summary>
public static class CoreNonCoreCheck
{
    public static readonly IReadOnlyList<CheckItem> Items =
    [
        new("revenueLinked", CheckDirection.Keep, "売上や利益に直接結びつく業務か", "Is it directly linked to revenue or profit?"),
        new("competitiveAdvantage", CheckDirection.Keep, "自社の競争優位性・差別化要素になっているか", "Is it a source of competitive advantage?"),
        new("standardisable", CheckDirection.Outsource, "業務内容を標準化・マニュアル化できるか", "Can it be standardised and documented?"),
        new("specialistKnowledge", CheckDirection.Outsource, "専門的な資格や知識が求められるか", "Does it need special qualifications or knowledge?"),
        new("keepKnowHow", CheckDirection.Keep, "社内にノウハウを蓄積すべき業務か", "Should the know-how stay in-house?"),
        new("confidentialData", CheckDirection.Condition, "機密情報や個人情報を多く扱うか", "Does it handle much confidential or personal data?"),
        new("judgementHeavy", CheckDirection.Keep, "品質要求が極めて高く、柔軟な判断が必要か", "Is the quality bar very high, needing judgement each time?"),
        new("seasonal", CheckDirection.Outsource, "繁忙期・閑散期の差が大きい業務か", "Does the workload swing a lot between busy and quiet periods?"),
        new("personDependent", CheckDirection.Outsource, "属人化しており、担当者依存が強いか", "Does it depend on particular people (属人化)?"),
        new("outsideExpertise", CheckDirection.Outsource, "外部の専門性を活用したほうが効率的か", "Would outside expertise do it more efficiently?"),
    ];

    public static readonly IReadOnlySet<string> Codes = Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Judges a task from the items answered yes. The type comes from the catalogue service whose name the task's
    /// name reads as (給与計算 → 給与計算, BPO), else from the answers (specialist knowledge that outsiders do better → KPO).
    /// </summary>
    public static OutsourcingAssessment Assess(string taskName, IReadOnlySet<string> yes, IReadOnlyList<CatalogueService> catalogue, bool english)
    {
        var unknown = yes.Where(code => !Codes.Contains(code)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown check items: {string.Join(", ", unknown)}", nameof(yes));

        var outward = Items.Where(i => i.Direction == CheckDirection.Outsource && yes.Contains(i.Code)).ToList();
        var inward = Items.Where(i => i.Direction == CheckDirection.Keep && yes.Contains(i.Code)).ToList();
        var reasons = new List<string>();
        if (outward.Count > 0)
            reasons.Add(english
                ? $"Points to outsourcing ({outward.Count}): {string.Join("; ", outward.Select(i => i.En))}"
                : $"外部委託に向く点（{outward.Count}）：{string.Join("／", outward.Select(i => i.Ja))}");
        if (inward.Count > 0)
            reasons.Add(english
                ? $"Points to keeping it in-house ({inward.Count}): {string.Join("; ", inward.Select(i => i.En))}"
                : $"社内に残す理由（{inward.Count}）：{string.Join("／", inward.Select(i => i.Ja))}");

        // Revenue-linked work that is also a differentiator is core whatever else applies; otherwise the balance decides.
        var core = yes.Contains("revenueLinked") && yes.Contains("competitiveAdvantage");
        var verdict = core || inward.Count > outward.Count ? OutsourcingVerdict.Keep
            : outward.Count >= 2 && inward.Count == 0 ? OutsourcingVerdict.Candidate
            : outward.Count > 0 ? OutsourcingVerdict.Partial
            : OutsourcingVerdict.Keep;
        if (core)
            reasons.Add(english ? "Revenue-linked and a differentiator: core work." : "売上に直結し差別化要素でもあるため、コア業務です。");
        if (verdict == OutsourcingVerdict.Partial)
            reasons.Add(english
                ? "Consider outsourcing the standardisable part and keeping the decisions in-house."
                : "定型化できる部分だけを切り出し、判断を伴う部分は社内に残す形を検討してください。");
        if (outward.Count == 0 && inward.Count == 0)
            reasons.Add(english ? "No item points to outsourcing yet: answer the check first." : "外部委託に向く項目がまだありません。チェックに回答してください。");
        if (yes.Contains("confidentialData"))
            reasons.Add(english
                ? "Handles confidential or personal data: require ISMS (ISO/IEC 27001) or the Privacy Mark in the RFP."
                : "機密情報・個人情報を扱うため、RFP で ISMS（ISO/IEC 27001）またはプライバシーマークを必須にしてください。");

        if (verdict == OutsourcingVerdict.Keep) return new(verdict, null, null, reasons);

        var service = ServiceFor(taskName, catalogue);
        string type;
        if (service is not null)
        {
            type = service.TypeCode;
            reasons.Add(english
                ? $"The task reads as the catalogue service \"{service.NameEn}\" ({type})."
                : $"業務名がカタログの「{service.NameJa}」（{type}）に当たります。");
        }
        else if (yes.Contains("specialistKnowledge") && yes.Contains("outsideExpertise"))
        {
            type = "KPO";
            reasons.Add(english ? "Specialist knowledge that outsiders do better: KPO." : "専門知識を外部の専門家が効率よく提供できるため KPO が向きます。");
        }
        else
        {
            type = "BPO";
            reasons.Add(english ? "A business process with no closer catalogue match: BPO." : "カタログに近いサービスがない業務プロセスのため BPO とします。");
        }
        return new(verdict, type, service?.Id, reasons);
    }

    /// <summary>The offered service sharing the most search terms with the task's name (ties: catalogue order); null when none shares one.</summary>
    public static CatalogueService? ServiceFor(string taskName, IReadOnlyList<CatalogueService> catalogue)
    {
        var terms = SearchText.Terms(taskName).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return catalogue.Where(s => !s.IsRetired)
            .Select(s => (Service: s, Shared: SearchText.Terms(s.NameJa).Concat(SearchText.Terms(s.NameEn)).Select(t => t.Text).Distinct().Count(terms.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Service.SortOrder)
            .Select(x => x.Service)
            .FirstOrDefault();
    }
}
