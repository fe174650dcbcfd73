using Marketplace.Core.Catalogue;
using Marketplace.Core.Planning;

namespace Marketplace.Core.Tests;

public sealed class CoreNonCoreCheckTests
{
    private static HashSet<string> Yes(params string[] codes) => codes.ToHashSet();

    [Fact]
    public void The_check_has_the_seeds_ten_items_each_pointing_one_way()
    {
        Assert.Equal(10, CoreNonCoreCheck.Items.Count);
        Assert.Equal(10, CoreNonCoreCheck.Codes.Count);
        Assert.Equal(5, CoreNonCoreCheck.Items.Count(i => i.Direction == CheckDirection.Outsource));
        Assert.Equal(4, CoreNonCoreCheck.Items.Count(i => i.Direction == CheckDirection.Keep));
        Assert.All(CoreNonCoreCheck.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Ja) || string.IsNullOrWhiteSpace(i.En)));
    }

    [Fact]
    public void Standardisable_seasonal_payroll_is_a_BPO_candidate_named_after_the_catalogue_service()
    {
        var result = CoreNonCoreCheck.Assess("月次給与計算", Yes("standardisable", "seasonal", "personDependent"), CatalogueSeed.Services, english: false);

        Assert.Equal(OutsourcingVerdict.Candidate, result.Verdict);
        Assert.Equal("BPO", result.SuggestedType);
        Assert.Equal(CatalogueSeed.Services.Single(s => s.Code == "payroll").Id, result.SuggestedServiceId);
        Assert.Contains(result.Reasons, r => r.Contains("外部委託に向く点（3）") && r.Contains("属人化"));
        Assert.Contains(result.Reasons, r => r.Contains("「給与計算」（BPO）"));
    }

    [Fact]
    public void A_helpdesk_task_is_ITO_and_specialist_work_with_no_catalogue_match_is_KPO()
    {
        var helpdesk = CoreNonCoreCheck.Assess("社内ヘルプデスク一次対応", Yes("standardisable", "outsideExpertise"), CatalogueSeed.Services, english: true);
        Assert.Equal(("ITO", OutsourcingVerdict.Candidate), (helpdesk.SuggestedType, helpdesk.Verdict));

        var specialist = CoreNonCoreCheck.Assess("特許明細の翻訳", Yes("specialistKnowledge", "outsideExpertise"), CatalogueSeed.Services, english: true);
        Assert.Equal("KPO", specialist.SuggestedType);
        Assert.Null(specialist.SuggestedServiceId);
        Assert.Contains(specialist.Reasons, r => r.Contains("KPO"));
    }

    [Fact]
    public void Revenue_linked_differentiating_work_is_core_whatever_else_applies()
    {
        var result = CoreNonCoreCheck.Assess("新規事業の企画", Yes("revenueLinked", "competitiveAdvantage", "standardisable", "seasonal", "outsideExpertise"),
            CatalogueSeed.Services, english: false);
        Assert.Equal(OutsourcingVerdict.Keep, result.Verdict);
        Assert.Null(result.SuggestedType);
        Assert.Contains(result.Reasons, r => r.Contains("コア業務"));
    }

    [Fact]
    public void Mixed_answers_suggest_outsourcing_part_and_confidential_data_adds_a_certification_condition()
    {
        var mixed = CoreNonCoreCheck.Assess("経理の仕訳入力", Yes("standardisable", "judgementHeavy", "confidentialData"), CatalogueSeed.Services, english: false);
        Assert.Equal(OutsourcingVerdict.Partial, mixed.Verdict);
        Assert.Equal("BPO", mixed.SuggestedType);
        Assert.Contains(mixed.Reasons, r => r.Contains("切り出し"));
        Assert.Contains(mixed.Reasons, r => r.Contains("プライバシーマーク"));

        var unanswered = CoreNonCoreCheck.Assess("受付", Yes(), CatalogueSeed.Services, english: true);
        Assert.Equal(OutsourcingVerdict.Keep, unanswered.Verdict);
        Assert.Contains(unanswered.Reasons, r => r.Contains("answer the check"));
    }

    [Fact]
    public void An_unknown_item_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CoreNonCoreCheck.Assess("x", Yes("cheap"), CatalogueSeed.Services, english: true));
    }
}
